import { Controller, Get, Header, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiScope, AuditAction } from '@copydesk/contracts';
import { type AuditActor, type AuditEvent, AuditLogRepository } from '@copydesk/database';
import { Actor } from '../common/auth-context';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiExtension, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueuePausedView, QueueRetriedView } from './queue-action.view';
import { ApiProblems } from '../common/problem.view';
import { SCOPE_EXTENSION } from '../common/scope.decorator';
import { Public } from '../common/public.decorator';
import { AdminAuthGuard } from './admin-auth.guard';
import { DASHBOARD_CSP, DASHBOARD_HTML } from './dashboard.page';
import type { Overview } from './overview.view';
import { OverviewService } from './overview.service';
import { QueueControl } from './queue-control.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

/**
 * The admin dashboard and its API. @Public() only steps the global bearer-only guard aside: AdminAuthGuard admits
 * admin keys, as a bearer token or as the password of HTTP Basic auth (so a browser can open the page).
 */
@ApiTags('admin')
@ApiBearerAuth()
@ApiExtension(SCOPE_EXTENSION, ApiScope.Admin)
@ApiProblems(401, 403, 429)
@Public()
@UseGuards(AdminAuthGuard)
@Controller('admin')
export class AdminController {
  constructor(
    private readonly overviews: OverviewService,
    private readonly queues: QueueControl,
    private readonly audit: AuditLogRepository,
  ) {}

  @ApiExcludeEndpoint()
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', DASHBOARD_CSP)
  @Header('x-frame-options', 'DENY')
  @Header('referrer-policy', 'no-referrer')
  @Header('cache-control', 'no-store')
  dashboard(): string {
    return DASHBOARD_HTML;
  }

  /** Queues, articles per status, ingest rate, pipeline latency, source health, recent failures, deliveries. */
  @ApiOperation({ summary: 'What the pipeline is doing now (admin keys; Bearer or HTTP Basic with the key as password)' })
  @Get('api/overview')
  @ApiOkResponse({
    description: 'Queues, articles per status, ingest rate, latency, source health, failures, deliveries (the dashboard’s document)',
    schema: { type: 'object', additionalProperties: true },
  })
  @Header('cache-control', 'no-store')
  overview(): Promise<Overview> {
    return this.overviews.overview();
  }

  /** Puts the queue's failed jobs back to wait. */
  @Post('api/queues/:queue/retry-failed')
  @ApiOkResponse({ type: QueueRetriedView })
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  async retryFailed(@Param('queue') queue: string, @Actor() actor: AuditActor): Promise<{ queue: string; retried: number }> {
    const result = await this.queues.retryFailed(QueueControl.parseName(queue));
    return this.changed(result, actor, { action: AuditAction.QueueFailedRetried, targetType: 'queue', targetId: queue, details: result });
  }

  /** Every worker of the queue stops taking jobs (those in flight finish) until it is resumed. */
  @Post('api/queues/:queue/pause')
  @ApiOkResponse({ type: QueuePausedView })
  @Idempotent()
  @HttpCode(HttpStatus.OK)
  async pause(@Param('queue') queue: string, @Actor() actor: AuditActor): Promise<{ queue: string; paused: boolean }> {
    const result = await this.queues.pause(QueueControl.parseName(queue));
    return this.changed(result, actor, { action: AuditAction.QueuePaused, targetType: 'queue', targetId: queue });
  }

  @Post('api/queues/:queue/resume')
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
