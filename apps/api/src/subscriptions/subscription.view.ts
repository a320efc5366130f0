import { ARTICLE_EVENT_TYPES, ArticleEventType, SubscriptionStatus } from '@copydesk/contracts';
import type { SubscriptionEntity } from '@copydesk/database';
import { OUTPUT_FORMAT_NAMES, type SubscriptionFormat } from '@copydesk/delivery';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SubscriptionFiltersDto } from './dto/create-subscription.dto';

/** A subscription as the API shows it: never its secrets, except once in the answers that create one. */
export class SubscriptionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ nullable: true, type: String })
  name: string | null;

  @ApiProperty()
  url: string;

  @ApiProperty({ enum: ARTICLE_EVENT_TYPES, isArray: true })
  events: ArticleEventType[];

  @ApiProperty({ enum: OUTPUT_FORMAT_NAMES })
  format: SubscriptionFormat;

  @ApiProperty({ type: SubscriptionFiltersDto })
  filters: Record<string, unknown>;

  @ApiProperty({ enum: SubscriptionStatus })
  status: SubscriptionStatus;

  @ApiProperty({ nullable: true, type: String, description: 'Why it is disabled: a 410 from the subscriber, or an operator' })
  disabledReason: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SubscriptionWithSecretView extends SubscriptionView {
  @ApiProperty({ description: 'The signing secret (whsec_…), shown this once', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' })
  secret: string;

  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'After a rotation: until when the previous secret keeps signing',
  })
  previousValidUntil?: string | null;
}

export class SubscriptionListView {
  @ApiProperty({ type: [SubscriptionView] })
  items: SubscriptionView[];
}

export function toSubscriptionView(subscription: SubscriptionEntity): SubscriptionView {
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
