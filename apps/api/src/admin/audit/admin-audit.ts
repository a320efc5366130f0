import { Injectable, Logger } from '@nestjs/common';
import type { AuthContext } from '../../common/auth-context';

/** One operator action with its reason, as the audit log records it. */
export interface AdminAuditEntry {
  actor: AuthContext;
  action: 'article.kill' | 'article.re-enrich' | 'job.retry' | 'job.discard' | 'source.change' | 'subscription.change' | 'delivery.replay';
  target: string;
  reason?: string;
  details?: Record<string, unknown>;
}

/**
 * Where the dashboard records who did what and why. The one interface the dashboard writes through: today it logs
 * (one JSON line per action, with the key id); point it at the audit table when that lands.
 */
export abstract class AdminAudit {
  abstract record(entry: AdminAuditEntry): Promise<void>;
}

@Injectable()
export class LoggedAdminAudit extends AdminAudit {
  private readonly logger = new Logger('AdminAudit');

  record(entry: AdminAuditEntry): Promise<void> {
    this.logger.log(
      {
        audit: true,
        action: entry.action,
        target: entry.target,
        keyId: entry.actor.keyId,
        role: entry.actor.role,
        reason: entry.reason,
        ...entry.details,
      },
      `admin ${entry.action}`,
    );
    return Promise.resolve();
  }
}
