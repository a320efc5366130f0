import type { AuditAction } from '@copydesk/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change, and who made it. Written by AuditLogRepository only. */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  /** bigint: a string in JavaScript. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz', insert: false })
  at: Date;

  /** Null for COPYDESK_ADMIN_KEY, which has no row. */
  @Column({ name: 'actor_key_id', type: 'uuid', nullable: true })
  actorKeyId: string | null;

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text' })
  action: AuditAction;

  @Column({ name: 'target_type', type: 'text' })
  targetType: string;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId: string | null;

  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;
}
