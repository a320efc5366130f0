import { Body, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/public.decorator';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import type { AdminRequest } from '../auth/admin-request';
import { Needs } from '../auth/dashboard.decorator';
import { QueueControl } from '../jobs/queue-control.service';
import { OverviewService } from '../overview/overview.service';
import { page } from '../views/layout.view';
import { overviewLive } from '../views/overview.view';
import { AdminFormDto } from './admin-form.dto';
import { AdminPageFilter } from './admin-page.filter';
import { PageContexts } from './page-context.service';
import { redirectTo, sendHtml } from './page-response';

@ApiExcludeController()
@Public()
@UseGuards(AdminAuthGuard)
@UseFilters(AdminPageFilter)
@Controller('admin')
export class OverviewPageController {
  constructor(
    private readonly overviews: OverviewService,
    private readonly queues: QueueControl,
    private readonly contexts: PageContexts,
  ) {}

  @Get()
  async overview(@Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    sendHtml(reply, page(ctx, 'Overview', overviewLive(ctx, await this.overviews.overview())));
  }

  /** The overview's live part alone, for htmx's refresh. */
  @Get('overview/live')
  async live(@Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    sendHtml(reply, overviewLive(ctx, await this.overviews.overview()).value);
  }

  @Needs('act')
  @Post('queues/:queue/:action')
  async queue(
    @Param('queue') queue: string,
    @Param('action') action: string,
    @Body() _form: AdminFormDto,
    @Req() request: AdminRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const name = QueueControl.parseName(queue);
    if (action === 'pause') await this.queues.pause(name);
    else if (action === 'resume') await this.queues.resume(name);
    else if (action === 'retry-failed') {
      const { retried } = await this.queues.retryFailed(name);
      await this.contexts.flash(request, `${retried} failed ${name} jobs put back to wait.`);
    } else {
      redirectTo(reply, '/admin');
      return;
    }
    if (action !== 'retry-failed') await this.contexts.flash(request, `Queue ${name} ${action === 'pause' ? 'paused' : 'resumed'}.`);
    this.overviews.invalidate();
    redirectTo(reply, '/admin#queues');
  }
}
