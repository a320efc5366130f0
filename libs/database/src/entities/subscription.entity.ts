import { ArticleEventType, SubscriptionStatus } from '@copydesk/contracts';
import type { SubscriptionFormat } from '@copydesk/delivery';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A signing secret; during rotation the old one stays valid until `expiresAt`. */
export interface SubscriptionSecret {
  secret: string;
  createdAt: string;
  expiresAt: string | null;
}

@Entity({ name: 'subscriptions' })
export class SubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'jsonb', default: [], select: false })
  secrets: SubscriptionSecret[];

  @Column({ type: 'text', array: true })
  events: ArticleEventType[];

  @Column({ type: 'text' })
  format: SubscriptionFormat;

  @Column({ type: 'jsonb', default: {} })
  filters: Record<string, unknown>;

  @Column({ type: 'text' })
  status: SubscriptionStatus;

  @Column({ name: 'disabled_reason', type: 'text', nullable: true })
  disabledReason: string | null;

  /** Deleted subscriptions are kept (without secrets) so their delivery history stays readable. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
