import { AuditAction } from '@copydesk/contracts';
import { type AuditEvent, AuditLogRepository } from '@copydesk/database';
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../common/auth-context';

/** One operator action with its reason, as the audit log records it. */
export interface AdminAuditEntry {
  actor: AuthContext;
  /** The request's correlation id, so the entry leads to the request's log lines. */
  correlationId?: string;
  action: 'article.kill' | 'article.re-enrich' | 'job.retry' | 'job.discard' | 'source.change' | 'subscription.change' | 'delivery.replay';
  target: string;
  reason?: string;
  details?: Record<string, unknown>;
}

const RECORDED_AS: Record<AdminAuditEntry['action'], Pick<AuditEvent, 'action' | 'targetType'>> = {
  'article.kill': { action: AuditAction.ArticleKilled, targetType: 'article' },
  'article.re-enrich': { action: AuditAction.ArticleReEnrichRequested, targetType: 'article' },
  'job.retry': { action: AuditAction.JobRetried, targetType: 'job' },
  'job.discard': { action: AuditAction.JobDiscarded, targetType: 'job' },
  'source.change': { action: AuditAction.SourceUpdated, targetType: 'source' },
  'subscription.change': { action: AuditAction.SubscriptionUpdated, targetType: 'subscription' },
  'delivery.replay': { action: AuditAction.DeliveryReplayed, targetType: 'delivery' },
};

/** Where the dashboard records who did what and why: the audit log `GET /v1/audit` reads. */
@Injectable()
export class AdminAudit {
  constructor(private readonly log: AuditLogRepository) {}

  async record(entry: AdminAuditEntry): Promise<void> {
    await this.log.record(
      { keyId: entry.actor.keyId, name: entry.actor.keyName, correlationId: entry.correlationId ?? '' },
      {
        ...RECORDED_AS[entry.action],
        targetId: entry.target,
        details: { via: 'dashboard', ...(entry.reason ? { reason: entry.reason } : {}), ...entry.details },
      },
    );
  }
}
