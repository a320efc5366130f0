import { ArticleEventType, DeliveryStatus } from '@copydesk/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Why a pending delivery whose job has run is not being sent: an earlier event of the same article is still
 * pending for the subscription, the subscription has its maximum of attempts in flight, or it is paused.
 * Whoever clears the condition wakes the delivery (and a sweeper catches any wake-up that got lost).
 */
export type DeliveryWait = 'earlier-event' | 'capacity' | 'resume';

/** One event for one subscription. The payload is frozen when the event happens, so a retry sends the same bytes. */
@Entity({ name: 'deliveries' })
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Creation order (bigint, read as a string): one article's events reach a subscriber in this order. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ type: 'text' })
  event: ArticleEventType;

  @Column({ type: 'integer' })
  revision: number;

  /** The routing that created it (the route job's id); one delivery per subscription and routing. */
  @Column({ name: 'route_key', type: 'text' })
  routeKey: string;

  /** The `webhook-id` header: stable across retries so subscribers can de-duplicate. */
  @Column({ name: 'event_id', type: 'text', unique: true })
  eventId: string;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text' })
  payload: string;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  /** Set while an attempt is in flight. */
  @Column({ name: 'sending_until', type: 'timestamptz', nullable: true })
  sendingUntil: Date | null;

  @Column({ name: 'waiting_for', type: 'text', nullable: true })
  waitingFor: DeliveryWait | null;

  /** Attempts made before the latest replay: the retry schedule counts from here. */
  @Column({ name: 'attempts_before_replay', type: 'integer', default: 0 })
  attemptsBeforeReplay: number;

  @Column({ type: 'integer', default: 0 })
  replays: number;

  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
