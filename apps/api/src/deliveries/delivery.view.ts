import { iso } from '@copydesk/http';
import { ARTICLE_EVENT_TYPES, ArticleEventType, DeliveryStatus } from '@copydesk/contracts';
import type { DeliveryAttemptEntity, DeliveryEntity } from '@copydesk/database';
import { ApiProperty } from '@nestjs/swagger';

/** One event for one subscription and where it stands. */
export class DeliveryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  subscriptionId: string;

  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ enum: ARTICLE_EVENT_TYPES })
  event: ArticleEventType;

  @ApiProperty({ description: 'The article revision the payload was frozen from' })
  revision: number;

  @ApiProperty({ description: 'The webhook-id header: the same on every attempt and replay', example: 'msg_0f9c…' })
  eventId: string;

  @ApiProperty({ enum: DeliveryStatus })
  status: DeliveryStatus;

  @ApiProperty()
  attemptCount: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  nextAttemptAt: string | null;

  @ApiProperty({ nullable: true, type: Number })
  lastStatusCode: number | null;

  @ApiProperty({ nullable: true, type: String })
  lastError: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  deliveredAt: string | null;

  @ApiProperty({
    nullable: true,
    enum: ['earlier-event', 'capacity', 'resume'],
    description:
      'Pending and held back: an earlier event of the article goes first, the subscriber has its maximum in flight, or the subscription is paused',
  })
  waitingFor: string | null;

  @ApiProperty()
  replays: number;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  replayedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class DeliveryAttemptView {
  @ApiProperty()
  attempt: number;

  @ApiProperty({ enum: ['delivered', 'retry', 'failed', 'disable-subscription'] })
  outcome: string;

  @ApiProperty({ nullable: true, type: Number })
  responseCode: number | null;

  @ApiProperty({ nullable: true, type: Number })
  latencyMs: number | null;

  @ApiProperty({ nullable: true, type: String })
  error: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When this attempt scheduled the next one' })
  nextAttemptAt: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The start of the response body (4 KB at most)' })
  responseBody: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class DeliveryDetailView extends DeliveryView {
  @ApiProperty({ type: [DeliveryAttemptView] })
  attempts: DeliveryAttemptView[];

  @ApiProperty({ description: 'The body sent (and re-sent) to the subscriber', type: 'object', additionalProperties: true })
  payload: unknown;
}

export class DeliveryPageView {
  @ApiProperty({ type: [DeliveryView] })
  items: DeliveryView[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next, older page' })
  nextCursor: string | null;
}

export class BulkReplayView {
  @ApiProperty()
  replayed: number;

  @ApiProperty({ description: 'More matched than one call replays (10,000): call again' })
  truncated: boolean;
}

export function toDeliveryView(delivery: DeliveryEntity): DeliveryView {
  return {
    id: delivery.id,
    subscriptionId: delivery.subscriptionId,
    articleId: delivery.articleId,
    event: delivery.event,
    revision: delivery.revision,
    eventId: delivery.eventId,
    status: delivery.status,
    attemptCount: delivery.attempts,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    deliveredAt: iso(delivery.deliveredAt),
    waitingFor: delivery.status === DeliveryStatus.Pending ? delivery.waitingFor : null,
    replays: delivery.replays,
    replayedAt: iso(delivery.replayedAt),
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
  };
}

export function toDeliveryDetailView(delivery: DeliveryEntity, attempts: DeliveryAttemptEntity[]): DeliveryDetailView {
  return {
    ...toDeliveryView(delivery),
    attempts: attempts.map((attempt) => ({
      attempt: attempt.attempt,
      outcome: attempt.outcome,
      responseCode: attempt.responseCode,
      latencyMs: attempt.latencyMs,
      error: attempt.error,
      nextAttemptAt: iso(attempt.nextAttemptAt),
      responseBody: attempt.responseBody,
      createdAt: attempt.createdAt.toISOString(),
    })),
    payload: JSON.parse(delivery.payload) as unknown,
  };
}
