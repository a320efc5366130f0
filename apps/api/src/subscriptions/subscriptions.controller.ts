import { AppConfig } from '@copydesk/config';
import { ARTICLE_EVENT_TYPES, SubscriptionFormat, SubscriptionStatus } from '@copydesk/contracts';
import { SubscriptionRepository, type SubscriptionEntity } from '@copydesk/database';
import { checkUrlPolicy, FetchError } from '@copydesk/fetcher';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { generateWebhookSecret } from '@copydesk/signing';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';

export interface SubscriptionView {
  id: string;
  name: string | null;
  url: string;
  events: string[];
  format: string;
  filters: Record<string, unknown>;
  status: string;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
  /** Only in the answer to the creation. */
  secret?: string;
}

function toView(subscription: SubscriptionEntity): SubscriptionView {
  return {
    id: subscription.id,
    name: subscription.name,
    url: subscription.url,
    events: subscription.events,
    format: subscription.format,
    filters: subscription.filters,
    status: subscription.status,
    disabledReason: subscription.disabledReason,
    createdAt: subscription.createdAt.toISOString(),
    updatedAt: subscription.updatedAt.toISOString(),
  };
}

@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('v1/subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly config: AppConfig,
  ) {}

  /** Creates a subscription and shows its signing secret, this once. */
  @Post()
  async create(@Body() dto: CreateSubscriptionDto): Promise<SubscriptionView> {
    try {
      checkUrlPolicy(dto.url, { allowLoopback: this.config.get('FETCH_ALLOW_LOOPBACK') });
    } catch (err: unknown) {
      if (err instanceof FetchError) throw new CopydeskException(ErrorCode.UrlRefused, err.message, { url: dto.url });
      throw err;
    }
    const secret = generateWebhookSecret();
    const created = await this.subscriptions.create({
      name: dto.name ?? null,
      url: dto.url,
      secrets: [{ secret, createdAt: new Date().toISOString(), expiresAt: null }],
      events: dto.events ?? [...ARTICLE_EVENT_TYPES],
      format: dto.format ?? SubscriptionFormat.Native,
      filters: { ...(dto.filters ?? {}) },
      status: SubscriptionStatus.Active,
    });
    return { ...toView(created), secret };
  }

  @Get()
  async list(): Promise<{ items: SubscriptionView[] }> {
    return { items: (await this.subscriptions.list()).map(toView) };
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<SubscriptionView> {
    const subscription = await this.subscriptions.findById(id);
    if (!subscription) throw new CopydeskException(ErrorCode.SubscriptionNotFound, `No subscription has the id ${id}.`);
    return toView(subscription);
  }
}
