import { Controller, Get, Header, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/public.decorator';
import { AdminAuthGuard } from './auth/admin-auth.guard';
import { Needs } from './auth/dashboard.decorator';
import { QueueControl } from './jobs/queue-control.service';
import type { Overview } from './overview/overview.types';
import { OverviewService } from './overview/overview.service';

/**
 * The dashboard's JSON: for scripts (a bearer key) and for the pages (the session, with its CSRF token on changes).
 * @Public() only steps the global bearer-only guard aside: AdminAuthGuard takes over.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Public()
@UseGuards(AdminAuthGuard)
@Controller('admin/api')
export class AdminController {
  constructor(
    private readonly overviews: OverviewService,
    private readonly queues: QueueControl,
  ) {}

  /** Queues, articles per status, throughput per stage, error rate, alerts, latency, sources, failures, deliveries. */
  @ApiOperation({ summary: 'What the pipeline is doing now (keys that may see the dashboard)' })
  @Get('overview')
  @Header('cache-control', 'no-store')
  overview(): Promise<Overview> {
    return this.overviews.overview();
  }

  /** Puts the queue's failed jobs back to wait. */
  @Needs('act')
  @Post('queues/:queue/retry-failed')
  @HttpCode(HttpStatus.OK)
  async retryFailed(@Param('queue') queue: string): Promise<{ queue: string; retried: number }> {
    return this.changed(await this.queues.retryFailed(QueueControl.parseName(queue)));
  }

  /** Every worker of the queue stops taking jobs (those in flight finish) until it is resumed. */
  @Needs('act')
  @Post('queues/:queue/pause')
  @HttpCode(HttpStatus.OK)
  async pause(@Param('queue') queue: string): Promise<{ queue: string; paused: boolean }> {
    return this.changed(await this.queues.pause(QueueControl.parseName(queue)));
  }

  @Needs('act')
  @Post('queues/:queue/resume')
  @HttpCode(HttpStatus.OK)
  async resume(@Param('queue') queue: string): Promise<{ queue: string; paused: boolean }> {
    return this.changed(await this.queues.resume(QueueControl.parseName(queue)));
  }

  /** The next overview shows the change at once. */
  private changed<T>(result: T): T {
    this.overviews.invalidate();
    return result;
  }
}
