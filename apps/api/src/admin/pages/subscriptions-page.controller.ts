import { DeliveryStatus, SubscriptionStatus } from '@copydesk/contracts';
import { DashboardRepository, OperationsRepository, type SubscriptionEntity } from '@copydesk/database';
import { CopydeskException, DEFAULT_REPLAY_STATUSES, DeliveryAdmin, ErrorCode, SubscriptionManager } from '@copydesk/pipeline';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/public.decorator';
import { AdminAudit } from '../audit/admin-audit';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import type { AdminRequest } from '../auth/admin-request';
import { Needs } from '../auth/dashboard.decorator';
import { OverviewService } from '../overview/overview.service';
import { page, type PageContext } from '../views/layout.view';
import { subscriptionPage, subscriptionsPage, type SubscriptionRow } from '../views/subscriptions.view';
import { AdminFormDto } from './admin-form.dto';
import { AdminPageFilter } from './admin-page.filter';
import { PageContexts } from './page-context.service';
import { redirectTo, sendHtml } from './page-response';

const DAY_MS = 24 * 3600 * 1000;
const blankIsUnset = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

export class DeliveriesQuery {
  @IsOptional() @Transform(blankIsUnset) @IsEnum(DeliveryStatus) status?: DeliveryStatus;
  @IsOptional() @Transform(blankIsUnset) @IsString() @MaxLength(200) cursor?: string;
}

export class ReplayWindowForm extends AdminFormDto {
  @IsOptional() @Transform(blankIsUnset) @Matches(LOCAL_TIME, { message: 'since must be a date and time' }) since?: string;
  @IsOptional() @Transform(blankIsUnset) @Matches(LOCAL_TIME, { message: 'until must be a date and time' }) until?: string;
}

@ApiExcludeController()
@Public()
@UseGuards(AdminAuthGuard)
@UseFilters(AdminPageFilter)
@Controller('admin')
export class SubscriptionsPageController {
  constructor(
    private readonly manager: SubscriptionManager,
    private readonly deliveries: DeliveryAdmin,
    private readonly operations: OperationsRepository,
    private readonly dashboard: DashboardRepository,
    private readonly overviews: OverviewService,
    private readonly audit: AdminAudit,
    private readonly contexts: PageContexts,
  ) {}

  @Get('subscriptions')
  async list(@Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    const subscriptions = await this.manager.list();
    const rows = await this.rows(subscriptions);
    sendHtml(reply, page(ctx, 'Subscriptions', subscriptionsPage(rows)));
  }

  @Get('subscriptions/:id')
  async subscription(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: DeliveriesQuery,
    @Req() request: AdminRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const ctx = await this.contexts.of(request);
    await this.render(ctx, reply, await this.manager.get(id), query);
  }

  @Needs('act')
  @Post('subscriptions/:id/:action')
  async act(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('action') action: string,
    @Body() form: ReplayWindowForm,
    @Req() request: AdminRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const subscription = await this.manager.get(id);
    const audit = (details: Record<string, unknown>): Promise<void> =>
      this.audit.record({
        actor: request.auth!,
        correlationId: request.id,
        action: 'subscription.change',
        target: id,
        details: { change: action, ...details },
      });
    if (action === 'pause' || action === 'resume') {
      await this.manager.update(id, { status: action === 'pause' ? SubscriptionStatus.Paused : SubscriptionStatus.Active });
      await audit({});
      await this.contexts.flash(request, `Subscription ${action === 'pause' ? 'paused' : 'resumed'}.`);
    } else if (action === 'rotate-secret') {
      const rotated = await this.manager.rotateSecret(id);
      await audit({});
      // The secret is shown in this answer only: no redirect, nothing stored to show it again.
      await this.render(await this.contexts.of(request), reply, rotated.subscription, {}, rotated.secret);
      return;
    } else if (action === 'replay') {
      const since = form.since ? new Date(`${form.since}Z`) : undefined;
      const until = form.until ? new Date(`${form.until}Z`) : undefined;
      const result = await this.deliveries.replayMany(id, { statuses: DEFAULT_REPLAY_STATUSES, since, until }, request.id);
      await this.audit.record({
        actor: request.auth!,
        correlationId: request.id,
        action: 'delivery.replay',
        target: id,
        details: { since, until, ...result },
      });
      await this.contexts.flash(
        request,
        `${result.replayed} failed or dead ${result.replayed === 1 ? 'delivery' : 'deliveries'} replayed${result.truncated ? ' (more remain: replay again)' : ''}.`,
      );
    } else {
      throw new CopydeskException(ErrorCode.NotFound, `Subscriptions have no action "${action}".`);
    }
    this.overviews.invalidate();
    redirectTo(reply, `/admin/subscriptions/${subscription.id}`);
  }

  @Needs('act')
  @Post('deliveries/:id/replay')
  async replayOne(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() _form: AdminFormDto,
    @Req() request: AdminRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const replayed = await this.deliveries.replay(id, request.id);
    await this.audit.record({ actor: request.auth!, correlationId: request.id, action: 'delivery.replay', target: id });
    this.overviews.invalidate();
    await this.contexts.flash(request, `Delivery replayed (same webhook-id, a fresh retry schedule).`);
    redirectTo(reply, `/admin/subscriptions/${replayed.subscriptionId}`);
  }

  private async render(
    ctx: PageContext,
    reply: FastifyReply,
    subscription: SubscriptionEntity,
    query: DeliveriesQuery,
    secret?: string,
  ): Promise<void> {
    const [row] = await this.rows([subscription]);
    const list = await this.deliveries.listForSubscription(subscription.id, { status: query.status, cursor: query.cursor, limit: 50 });
    const title = `Subscription ${subscription.name ?? subscription.url}`;
    sendHtml(reply, page(ctx, title, subscriptionPage(ctx, subscription, row, { status: query.status, ...list }, secret)));
  }

  private async rows(subscriptions: SubscriptionEntity[]): Promise<SubscriptionRow[]> {
    const since = new Date(Date.now() - DAY_MS);
    const [counts, stats] = await Promise.all([
      this.operations.deliveriesBySubscription(since),
      this.dashboard.subscriptionAttemptStats(since),
    ]);
    return subscriptions.map((subscription) => ({
      subscription,
      counts: counts.find((c) => c.id === subscription.id),
      stats: stats.find((s) => s.subscriptionId === subscription.id),
    }));
  }
}
