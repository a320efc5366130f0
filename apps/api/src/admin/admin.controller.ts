import { ApiScope, AuditAction } from '@copydesk/contracts';
import { type AuditActor, type AuditEvent, AuditLogRepository } from '@copydesk/database';
import { Controller, Get, Header, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/auth-context';
import { ApiProblems } from '../common/problem.view';
import { Public } from '../common/public.decorator';
import { SCOPE_EXTENSION } from '../common/scope.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { AdminAuthGuard } from './auth/admin-auth.guard';
import { Needs } from './auth/dashboard.decorator';
import { QueueControl } from './jobs/queue-control.service';
import type { Overview } from './overview/overview.types';
import { OverviewService } from './overview/overview.service';
import { QueuePausedView, QueueRetriedView } from './queue-action.view';

/**
 * The dashboard's JSON: for scripts (a bearer key) and for the pages (the session, with its CSRF token on changes).
 * @Public() only steps the global bearer-only guard aside: AdminAuthGuard takes over, with the dashboard's own
 * mapping of scopes (read sees, manage acts).
 */
@ApiTags('admin')
@ApiBearerAuth()
@ApiExtension(SCOPE_EXTENSION, ApiScope.Read)
@ApiProblems(401, 403, 429)
@Public()
@UseGuards(AdminAuthGuard)
@Controller('admin/api')
export class AdminController {
  constructor(
    private readonly overviews: OverviewService,
    private readonly queues: QueueControl,
    private readonly audit: AuditLogRepository,
  ) {}

  /** Queues, articles per status, throughput per stage, error rate, alerts, latency, sources, failures, deliveries. */
  @ApiOperation({ summary: 'What the pipeline is doing now (keys that may see the dashboard)' })
  @Get('overview')
  @ApiOkResponse({
    description: 'Queues, articles per status, throughput, latency, alerts, source health, failures, deliveries (the dashboard’s document)',
    schema: { type: 'object', additionalProperties: true },
  })
  @Header('cache-control', 'no-store')
  overview(): Promise<Overview> {
    return this.overviews.overview();
  }

  /** Puts the queue's failed jobs back to wait. */
  @Needs('act')
  @ApiExtension(SCOPE_EXTENSION, ApiScope.Manage)
  @Post('queues/:queue/retry-failed')
  @ApiOkResponse({ type: QueueRetriedView })
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  async retryFailed(@Param('queue') queue: string, @Actor() actor: AuditActor): Promise<{ queue: string; retried: number }> {
    const result = await this.queues.retryFailed(QueueControl.parseName(queue));
    return this.changed(result, actor, { action: AuditAction.QueueFailedRetried, targetType: 'queue', targetId: queue, details: result });
  }

  /** Every worker of the queue stops taking jobs (those in flight finish) until it is resumed. */
  @Needs('act')
  @ApiExtension(SCOPE_EXTENSION, ApiScope.Manage)
  @Post('queues/:queue/pause')
  @ApiOkResponse({ type: QueuePausedView })
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  async pause(@Param('queue') queue: string, @Actor() actor: AuditActor): Promise<{ queue: string; paused: boolean }> {
    const result = await this.queues.pause(QueueControl.parseName(queue));
    return this.changed(result, actor, { action: AuditAction.QueuePaused, targetType: 'queue', targetId: queue });
  }

  @Needs('act')
  @ApiExtension(SCOPE_EXTENSION, ApiScope.Manage)
  @Post('queues/:queue/resume')
  @ApiOkResponse({ type: QueuePausedView })
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  async resume(@Param('queue') queue: string, @Actor() actor: AuditActor): Promise<{ queue: string; paused: boolean }> {
    const result = await this.queues.resume(QueueControl.parseName(queue));
    return this.changed(result, actor, { action: AuditAction.QueueResumed, targetType: 'queue', targetId: queue });
  }

  /** The next overview shows the change at once. Queues live in Redis: the audit entry follows the change. */
  private async changed<T>(result: T, actor: AuditActor, event: AuditEvent): Promise<T> {
    this.overviews.invalidate();
    await this.audit.record(actor, event);
    return result;
  }
}
