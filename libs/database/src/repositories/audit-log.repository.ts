import type { AuditAction } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditEntryEntity } from '../entities';

/** Who asks for a change: the API key (null for COPYDESK_ADMIN_KEY), its name, and the request's correlation id. */
export interface AuditActor {
  keyId: string | null;
  name: string;
  correlationId: string;
}

/** What changed. `details` says with what (a reason, the fields changed), never a secret or an article's text. */
export interface AuditEvent {
  action: AuditAction;
  targetType: 'api-key' | 'article' | 'raw-item' | 'source' | 'subscription' | 'delivery' | 'queue' | 'job' | 'enrichment';
  targetId: string | null;
  details?: Record<string, unknown>;
}

export interface AuditQuery {
  /** A key id, or an actor name (e.g. `env admin key`). */
  actor?: string;
  action?: AuditAction;
  /** The target's id (an article, a key, a source...), exactly. */
  target?: string;
  since?: Date;
  /** Entries before this instant. */
  until?: Date;
  /** The id of the last entry of the previous page. */
  before?: string;
  limit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Pass the manager of the change's transaction: the entry commits with the change or not at all. Without one
   * only for requests that change nothing in PostgreSQL (a poll or a re-enrichment asked for, a queue paused).
   */
  async record(actor: AuditActor, event: AuditEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_key_id, actor, action, target_type, target_id, details, correlation_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.keyId, actor.name, event.action, event.targetType, event.targetId, JSON.stringify(event.details ?? {}), actor.correlationId],
    );
  }

  /** Newest first, by keyset on the id. */
  list(query: AuditQuery): Promise<AuditEntryEntity[]> {
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('e');
    if (query.actor) {
      if (UUID.test(query.actor)) qb.andWhere('e.actorKeyId = :actor', { actor: query.actor });
      else qb.andWhere('e.actor = :actor', { actor: query.actor });
    }
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.target) qb.andWhere('e.targetId = :target', { target: query.target });
    if (query.since) qb.andWhere('e.at >= :since', { since: query.since });
    if (query.until) qb.andWhere('e.at < :until', { until: query.until });
    if (query.before) qb.andWhere('e.id < :before', { before: query.before });
    return qb.orderBy('e.id', 'DESC').take(query.limit).getMany();
  }
}
