import { AppConfig } from '@copydesk/config';
import { ARTICLE_EVENT_TYPES, type ArticleEventType, AuditAction, SubscriptionStatus } from '@copydesk/contracts';
import {
  type AuditActor,
  type AuditEvent,
  AuditLogRepository,
  DeliveryDispatchRepository,
  SubscriptionRepository,
  type SubscriptionEntity,
} from '@copydesk/database';
import { DEFAULT_OUTPUT_FORMAT, type SubscriptionFilters, type SubscriptionFormat } from '@copydesk/delivery';
import { mediaTopic, normaliseQcode } from '@copydesk/enrichment';
import { generateWebhookSecret } from '@copydesk/signing';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SecretSealer } from '../common/secret-sealer.service';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';
import { assertUrlAllowed } from '../errors/url-refusal';
import { DeliveryScheduler } from './delivery-scheduler.service';

export interface NewSubscription {
  url: string;
  name?: string;
  events?: ArticleEventType[];
  format?: SubscriptionFormat;
  filters?: SubscriptionFilters;
}

export interface SubscriptionPatch {
  url?: string;
  name?: string | null;
  events?: ArticleEventType[];
  format?: SubscriptionFormat;
  /** Replaces the filters as a whole. */
  filters?: SubscriptionFilters;
  status?: SubscriptionStatus;
}

/** A subscription with its signing secret, in the one answer that shows it. */
export interface SubscriptionWithSecret {
  subscription: SubscriptionEntity;
  secret: string;
  /** After a rotation: when the previous secret stops signing (null when there was none left to keep). */
  previousSecretExpiresAt?: Date | null;
}

/** Default overlap after a rotation: a day for subscribers to deploy the new secret. */
export const DEFAULT_SECRET_OVERLAP_SECONDS = 24 * 3600;
/** Signatures per request stay few even if someone rotates in a loop. */
const MAX_SECRETS = 3;

/**
 * Subscriptions: their URL (checked by the fetcher's SSRF policy), filters (topics checked against IPTC Media
 * Topics), secrets (shown once, rotated with an overlap) and state.
 * - paused: deliveries keep being created and wait; resuming sends them, in order.
 * - disabled (a 410 Gone from the subscriber, or an operator): nothing new is routed and pending deliveries are
 *   cancelled; re-enabling does not resend them (a bulk replay of `cancelled` does).
 * - deleted: disabled, secrets wiped, hidden from the API; the delivery history stays.
 */
@Injectable()
export class SubscriptionManager {
  private readonly logger = new Logger(SubscriptionManager.name);

  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: DeliveryDispatchRepository,
    private readonly scheduler: DeliveryScheduler,
    private readonly config: AppConfig,
    private readonly sealer: SecretSealer,
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
  ) {}

  async create(input: NewSubscription, actor?: AuditActor): Promise<SubscriptionWithSecret> {
    const secret = generateWebhookSecret();
    const fields = {
      name: input.name ?? null,
      url: this.checkUrl(input.url),
      secrets: [{ secret: this.sealer.sealWebhookSecret(secret), createdAt: new Date().toISOString(), expiresAt: null }],
      events: input.events ? [...new Set(input.events)] : [...ARTICLE_EVENT_TYPES],
      format: input.format ?? DEFAULT_OUTPUT_FORMAT,
      filters: this.checkFilters(input.filters ?? {}) as Record<string, unknown>,
      status: SubscriptionStatus.Active,
    };
    const subscription = await this.audited(actor, async (manager) => {
      const created = await this.subscriptions.create(fields, manager);
      const details = { url: created.url, events: created.events, format: created.format, filters: created.filters };
      return {
        result: created,
        event: { action: AuditAction.SubscriptionCreated, targetType: 'subscription', targetId: created.id, details },
      };
    });
    this.logger.log({ subscriptionId: subscription.id }, 'subscription created');
    return { subscription, secret };
  }

  list(status?: SubscriptionStatus): Promise<SubscriptionEntity[]> {
    return this.subscriptions.list(status);
  }

  async get(id: string): Promise<SubscriptionEntity> {
    const subscription = await this.subscriptions.findById(id);
    if (!subscription) throw notFound(id);
    return subscription;
  }

  async update(id: string, patch: SubscriptionPatch, actor?: AuditActor): Promise<SubscriptionEntity> {
    const current = await this.get(id);
    const changes = {
      ...(patch.url !== undefined ? { url: this.checkUrl(patch.url) } : {}),
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.events !== undefined ? { events: [...new Set(patch.events)] } : {}),
      ...(patch.format !== undefined ? { format: patch.format } : {}),
      ...(patch.filters !== undefined ? { filters: this.checkFilters(patch.filters) as Record<string, unknown> } : {}),
    };
    const updated = await this.audited(actor, async (manager) => ({
      result: await this.subscriptions.update(id, changes, manager),
      event: { action: AuditAction.SubscriptionUpdated, targetType: 'subscription', targetId: id, details: { ...patch } },
    }));
    if (!updated) throw notFound(id);
    if (patch.status === undefined || patch.status === current.status) return updated;
    await this.changeStatus(id, patch.status);
    return this.get(id);
  }

  /** Soft delete; pending deliveries are cancelled. */
  async remove(id: string, actor?: AuditActor): Promise<void> {
    const deleted = await this.audited(actor, async (manager) => ({
      result: await this.subscriptions.softDelete(id, manager),
      event: { action: AuditAction.SubscriptionDeleted, targetType: 'subscription', targetId: id },
    }));
    if (!deleted) throw notFound(id);
    const cancelled = await this.deliveries.cancelPendingForSubscription(id, 'the subscription was deleted');
    this.logger.log({ subscriptionId: id, cancelled }, 'subscription deleted');
  }

  /**
   * A new secret, shown once. The previous ones keep signing (every request carries one signature per secret)
   * until `overlapSeconds` from now, so the subscriber can switch without dropping a delivery.
   */
  async rotateSecret(id: string, overlapSeconds = DEFAULT_SECRET_OVERLAP_SECONDS, actor?: AuditActor): Promise<SubscriptionWithSecret> {
    const secret = generateWebhookSecret();
    const sealed = this.sealer.sealWebhookSecret(secret);
    const rotated = await this.audited(actor, async (manager) => ({
      result: await this.subscriptions.rotateSecret(id, sealed, overlapSeconds * 1000, new Date(), MAX_SECRETS, manager),
      event: { action: AuditAction.SubscriptionSecretRotated, targetType: 'subscription', targetId: id, details: { overlapSeconds } },
    }));
    if (!rotated) throw notFound(id);
    this.logger.log({ subscriptionId: id, overlapSeconds }, 'subscription secret rotated');
    return { subscription: rotated.subscription, secret, previousSecretExpiresAt: rotated.previousExpiresAt };
  }

  /**
   * Runs the change in a transaction and records it in the audit log there, when there is an actor and the change
   * happened (a null or false result means nothing was changed: the caller answers 404).
   */
  private async audited<T>(
    actor: AuditActor | undefined,
    change: (manager: EntityManager) => Promise<{ result: T; event: AuditEvent }>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const { result, event } = await change(manager);
      if (actor && result !== null && result !== false) await this.audit.record(actor, event, manager);
      return result;
    });
  }

  private async changeStatus(id: string, status: SubscriptionStatus): Promise<void> {
    switch (status) {
      case SubscriptionStatus.Active: {
        const change = await this.subscriptions.changeStatus(id, [SubscriptionStatus.Paused, SubscriptionStatus.Disabled], status, null);
        if (change?.previous === SubscriptionStatus.Paused) {
          const woken = await this.deliveries.wakeResumed(id);
          await this.scheduler.enqueueAll(woken, 'resume');
          this.logger.log({ subscriptionId: id, deliveries: woken.length }, 'subscription resumed');
        } else if (change) {
          this.logger.log({ subscriptionId: id }, 'subscription re-enabled');
        }
        return;
      }
      case SubscriptionStatus.Paused:
        await this.subscriptions.changeStatus(id, [SubscriptionStatus.Active, SubscriptionStatus.Disabled], status, null);
        return;
      case SubscriptionStatus.Disabled:
        if (
          await this.subscriptions.changeStatus(
            id,
            [SubscriptionStatus.Active, SubscriptionStatus.Paused],
            status,
            'disabled through the API',
          )
        ) {
          await this.deliveries.cancelPendingForSubscription(id, 'the subscription was disabled through the API');
        }
        return;
    }
  }

  /** The same policy as fetches: no private, loopback (unless FETCH_ALLOW_LOOPBACK) or internal hosts. */
  private checkUrl(url: string): string {
    assertUrlAllowed(url, this.config.get('FETCH_ALLOW_LOOPBACK'));
    return url;
  }

  /** Topics must be IPTC Media Topics (stored as `medtop:NNNNNNNN`); empty lists are dropped. */
  private checkFilters(filters: SubscriptionFilters): SubscriptionFilters {
    const errors: Array<{ pointer: string; detail: string }> = [];
    const topics = filters.topics?.map((topic, index) => {
      const concept = mediaTopic(normaliseQcode(topic.replace(/^https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\//i, 'medtop:')));
      if (!concept) errors.push({ pointer: `/filters/topics/${index}`, detail: `${topic} is not an IPTC Media Topic` });
      return concept?.qcode ?? topic;
    });
    if (errors.length)
      throw new CopydeskException(ErrorCode.ValidationFailed, errors.map((e) => `${e.pointer}: ${e.detail}`).join('; '), { errors });
    const checked: SubscriptionFilters = { ...filters, ...(topics ? { topics: [...new Set(topics)] } : {}) };
    for (const key of ['sources', 'languages', 'topics', 'entities', 'contentTypes'] as const) {
      if (checked[key]?.length === 0) delete checked[key];
    }
    if (checked.query !== undefined && !checked.query.trim()) delete checked.query;
    return checked;
  }
}

function notFound(id: string): CopydeskException {
  return new CopydeskException(ErrorCode.SubscriptionNotFound, `No subscription has the id ${id}.`);
}
