import { ApiScope } from '@copydesk/contracts';
import type { AuditActor } from '@copydesk/database';
import { DEFAULT_REPLAY_STATUSES, DeliveryAdmin } from '@copydesk/pipeline';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/auth-context';
import { AllSources, RequireScope } from '../common/scope.decorator';
import { BulkReplayDto, ListDeliveriesQueryDto } from './dto/delivery-queries.dto';
import { BulkReplayView, DeliveryDetailView, DeliveryPageView, DeliveryView, toDeliveryDetailView, toDeliveryView } from './delivery.view';
import { IdParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ETagged } from '../caching/caching.decorators';

@ApiTags('deliveries')
@RequireScope(ApiScope.Manage)
@AllSources()
@Controller('v1')
export class DeliveriesController {
  constructor(private readonly admin: DeliveryAdmin) {}

  /** A subscription's deliveries, newest first, by status or article. */
  @Get('subscriptions/:id/deliveries')
  @ApiOkResponse({ type: DeliveryPageView })
  async list(@IdParam() subscriptionId: string, @Query() query: ListDeliveriesQueryDto): Promise<DeliveryPageView> {
    const page = await this.admin.listForSubscription(subscriptionId, { ...query, limit: query.limit ?? 50 });
    return { items: page.items.map(toDeliveryView), nextCursor: page.nextCursor };
  }

  /** Sends a subscription's settled deliveries again, in the order they were created (dead and failed ones by default). */
  @Post('subscriptions/:id/replay')
  @Idempotent()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: BulkReplayView })
  async replayMany(@IdParam() subscriptionId: string, @Body() dto: BulkReplayDto, @Actor() actor: AuditActor): Promise<BulkReplayView> {
    return this.admin.replayMany(
      subscriptionId,
      {
        statuses: dto?.status ?? DEFAULT_REPLAY_STATUSES,
        since: dto?.since ? new Date(dto.since) : undefined,
        until: dto?.until ? new Date(dto.until) : undefined,
      },
      actor.correlationId,
      actor,
    );
  }

  /** One delivery with every attempt and the payload sent. */
  @Get('deliveries/:id')
  @ETagged()
  @ApiOkResponse({ type: DeliveryDetailView })
  async get(@IdParam() id: string): Promise<DeliveryDetailView> {
    const { delivery, attempts } = await this.admin.get(id);
    return toDeliveryDetailView(delivery, attempts);
  }

  /** Sends one delivery again: same webhook-id and payload, a fresh retry schedule. */
  @Post('deliveries/:id/replay')
  @Idempotent()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: DeliveryView })
  async replay(@IdParam() id: string, @Actor() actor: AuditActor): Promise<DeliveryView> {
    return toDeliveryView(await this.admin.replay(id, actor.correlationId, actor));
  }
}
