import { ApiScope } from '@copydesk/contracts';
import type { AuditActor } from '@copydesk/database';
import { SubscriptionManager } from '@copydesk/pipeline';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/auth-context';
import { AllSources, RequireScope } from '../common/scope.decorator';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { ListSubscriptionsQueryDto, RotateSubscriptionSecretDto, UpdateSubscriptionDto } from './dto/update-subscription.dto';
import { SubscriptionListView, SubscriptionView, SubscriptionWithSecretView, toSubscriptionView } from './subscription.view';
import { IdParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CarriesSecret, ETagged } from '../caching/caching.decorators';

@ApiTags('subscriptions')
@RequireScope(ApiScope.Manage)
@AllSources()
@Controller('v1/subscriptions')
export class SubscriptionsController {
  constructor(private readonly manager: SubscriptionManager) {}

  /** Creates a subscription: all events, native JSON and no filter unless told otherwise. Its secret is shown this once. */
  @Post()
  @Idempotent({ carriesSecret: true })
  @CarriesSecret()
  @ApiCreatedResponse({ type: SubscriptionWithSecretView })
  async create(@Body() dto: CreateSubscriptionDto, @Actor() actor: AuditActor): Promise<SubscriptionWithSecretView> {
    const { subscription, secret } = await this.manager.create(dto, actor);
    return { ...toSubscriptionView(subscription), secret };
  }

  @Get()
  @ApiOkResponse({ type: SubscriptionListView })
  async list(@Query() query: ListSubscriptionsQueryDto): Promise<SubscriptionListView> {
    return { items: (await this.manager.list(query.status)).map(toSubscriptionView) };
  }

  @Get(':id')
  @ETagged()
  @ApiOkResponse({ type: SubscriptionView })
  async get(@IdParam() id: string): Promise<SubscriptionView> {
    return toSubscriptionView(await this.manager.get(id));
  }

  /** Changes URL, events, format, filters or status (pause, resume, disable, re-enable). */
  @Patch(':id')
  @ApiOkResponse({ type: SubscriptionView })
  async update(@IdParam() id: string, @Body() dto: UpdateSubscriptionDto, @Actor() actor: AuditActor): Promise<SubscriptionView> {
    return toSubscriptionView(await this.manager.update(id, dto, actor));
  }

  /** Stops all deliveries and cancels pending ones; the delivery history is kept. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  async remove(@IdParam() id: string, @Actor() actor: AuditActor): Promise<void> {
    await this.manager.remove(id, actor);
  }

  /** A new secret, shown once; the previous one keeps signing (both signatures are sent) until the overlap ends. */
  @Post(':id/rotate-secret')
  @Idempotent({ carriesSecret: true })
  @CarriesSecret()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SubscriptionWithSecretView })
  async rotateSecret(
    @IdParam() id: string,
    @Body() dto: RotateSubscriptionSecretDto,
    @Actor() actor: AuditActor,
  ): Promise<SubscriptionWithSecretView> {
    const rotated = await this.manager.rotateSecret(id, dto?.overlapSeconds, actor);
    return {
      ...toSubscriptionView(rotated.subscription),
      secret: rotated.secret,
      previousValidUntil: rotated.previousSecretExpiresAt?.toISOString() ?? null,
    };
  }
}
