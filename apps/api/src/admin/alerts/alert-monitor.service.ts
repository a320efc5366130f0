import { AppConfig } from '@copydesk/config';
import { RedisClient } from '@copydesk/queue';
import { WebhookSender } from '@copydesk/pipeline';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { OverviewService } from '../overview/overview.service';
import type { Alert } from './alert-rules';

/** The event type of alert webhooks. */
export const OPS_ALERT_EVENT = 'ops.alert';

interface Firing {
  since: string;
  alert: Alert;
}

/**
 * Sends `ops.alert` webhooks (signed with Standard Webhooks like every delivery) when an alert starts and when it
 * ends. Every API process runs the check; a short Redis lock lets one of them do it per interval, and the alerts
 * firing are kept in Redis so a restart or another process never announces the same alert twice. A webhook that
 * could not be sent is tried again at the next check.
 */
@Injectable()
export class AlertMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AlertMonitor.name);
  private timer: NodeJS.Timeout | null = null;
  private readonly firingKey: string;
  private readonly lockKey: string;

  constructor(
    private readonly overviews: OverviewService,
    private readonly redis: RedisClient,
    private readonly sender: WebhookSender,
    private readonly config: AppConfig,
  ) {
    const prefix = config.get('QUEUE_PREFIX');
    this.firingKey = `${prefix}:admin:alerts:firing`;
    this.lockKey = `${prefix}:admin:alerts:lock`;
  }

  onApplicationBootstrap(): void {
    if (!this.config.get('ALERT_WEBHOOK_URL')) return;
    const every = this.config.get('ALERT_CHECK_INTERVAL_SECONDS') * 1000;
    this.timer = setInterval(() => {
      this.check().catch((err: unknown) => this.logger.warn({ err }, 'alert check failed'));
    }, every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One check: announce alerts that started, and those that ended. */
  async check(): Promise<void> {
    const intervalMs = this.config.get('ALERT_CHECK_INTERVAL_SECONDS') * 1000;
    if ((await this.redis.set(this.lockKey, String(process.pid), 'PX', Math.max(500, intervalMs - 200), 'NX')) !== 'OK') return;
    const overview = await this.overviews.overview();
    const now = new Date().toISOString();
    const current = new Map(overview.alerts.map((alert) => [alert.key, alert]));
    const stored = await this.redis.hgetall(this.firingKey);
    const firing = new Map(Object.entries(stored).map(([key, text]) => [key, JSON.parse(text) as Firing]));
    for (const [key, alert] of current) {
      if (firing.has(key)) continue;
      const entry: Firing = { since: now, alert };
      if (await this.send('firing', entry, now)) await this.redis.hset(this.firingKey, key, JSON.stringify(entry));
    }
    for (const [key, entry] of firing) {
      if (current.has(key)) continue;
      if (await this.send('resolved', entry, now)) await this.redis.hdel(this.firingKey, key);
    }
  }

  private async send(status: 'firing' | 'resolved', entry: Firing, now: string): Promise<boolean> {
    const url = this.config.get('ALERT_WEBHOOK_URL');
    const secret = this.config.get('ALERT_WEBHOOK_SECRET');
    if (!url || !secret) return true;
    const { link, ...alert } = entry.alert;
    const payload = JSON.stringify({
      type: OPS_ALERT_EVENT,
      timestamp: now,
      data: { ...alert, status, since: entry.since, ...(status === 'resolved' ? { resolvedAt: now } : {}), dashboard: link },
    });
    // Stable per alert occurrence and transition, so a retried webhook can be de-duplicated by the receiver.
    const eventId = `alert_${createHash('sha256').update(`${entry.alert.key}|${entry.since}|${status}`).digest('hex').slice(0, 32)}`;
    const result = await this.sender.send(url, { eventId, payload }, [secret]);
    const ok = result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300;
    if (ok) this.logger.log({ alert: entry.alert.key, status }, 'ops.alert sent');
    else
      this.logger.warn(
        { alert: entry.alert.key, status, statusCode: result.statusCode, error: result.errorMessage },
        'ops.alert not accepted; tried again at the next check',
      );
    return ok;
  }
}
