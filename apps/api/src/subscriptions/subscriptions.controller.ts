import { ApiScope } from '@copydesk/contracts';
import { SubscriptionManager } from '@copydesk/pipeline';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllSources, RequireScope } from '../common/scope.decorator';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { ListSubscriptionsQueryDto, RotateSubscriptionSecretDto, UpdateSubscriptionDto } from './dto/update-subscription.dto';
import { SubscriptionListView, SubscriptionView, SubscriptionWithSecretView, toSubscriptionView } from './subscription.view';

const SubscriptionId = (): ParameterDecorator => Param('id', new ParseUUIDPipe({ version: '4' }));

@ApiTags('subscriptions')
@RequireScope(ApiScope.Manage)
@AllSources()
@Controller('v1/subscriptions')
export class SubscriptionsController {
  constructor(private readonly manager: SubscriptionManager) {}

  /** Creates a subscription: all events, native JSON and no filter unless told otherwise. Its secret is shown this once. */
  @Post()
  @ApiCreatedResponse({ type: SubscriptionWithSecretView })
  async create(@Body() dto: CreateSubscriptionDto): Promise<SubscriptionWithSecretView> {
    const { subscription, secret } = await this.manager.create(dto);
    return { ...toSubscriptionView(subscription), secret };
  }

  @Get()
  @ApiOkResponse({ type: SubscriptionListView })
  async list(@Query() query: ListSubscriptionsQueryDto): Promise<SubscriptionListView> {
    return { items: (await this.manager.list(query.status)).map(toSubscriptionView) };
  }

  @Get(':id')
  @ApiOkResponse({ type: SubscriptionView })
  async get(@SubscriptionId() id: string): Promise<SubscriptionView> {
    return toSubscriptionView(await this.manager.get(id));
  }

  /** Changes URL, events, format, filters or status (pause, resume, disable, re-enable). */
  @Patch(':id')
  @ApiOkResponse({ type: SubscriptionView })
  async update(@SubscriptionId() id: string, @Body() dto: UpdateSubscriptionDto): Promise<SubscriptionView> {
    return toSubscriptionView(await this.manager.update(id, dto));
  }

  /** Stops all deliveries and cancels pending ones; the delivery history is kept. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  async remove(@SubscriptionId() id: string): Promise<void> {
    await this.manager.remove(id);
  }

  /** A new secret, shown once; the previous one keeps signing (both signatures are sent) until the overlap ends. */
  @Post(':id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SubscriptionWithSecretView })
  async rotateSecret(@SubscriptionId() id: string, @Body() dto: RotateSubscriptionSecretDto): Promise<SubscriptionWithSecretView> {
    const rotated = await this.manager.rotateSecret(id, dto?.overlapSeconds);
    return {
      ...toSubscriptionView(rotated.subscription),
      secret: rotated.secret,
      previousValidUntil: rotated.previousSecretExpiresAt?.toISOString() ?? null,
    };
  }
}
