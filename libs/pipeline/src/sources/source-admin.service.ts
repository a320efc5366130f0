import { AppConfig } from '@copydesk/config';
import { AuditAction, SourceType } from '@copydesk/contracts';
import {
  type AuditActor,
  AuditLogRepository,
  SourceRepository,
  type SourceEntity,
  type SourceFields,
  UniqueViolationError,
} from '@copydesk/database';
import { generateWebhookSecret } from '@copydesk/signing';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';
import { assertUrlAllowed } from '../errors/url-refusal';
import { SourceKindRegistry } from './kinds/source-kind.registry';
import type { FieldProblem, KindSettings } from './kinds/source-kind';
import { PollScheduler } from './poll-scheduler.service';
import type { SourceCredentials, SourcePoliteness } from './source-credentials';
import { watchFolderRoots } from './kinds/folder/folder.kind';
import { SourceSecrets } from './source-secrets.service';

export interface SourceSettings {
  slug: string;
  name: string;
  type: SourceType;
  url?: string | null;
  active?: boolean;
  pollIntervalSeconds?: number | null;
  minIntervalSeconds?: number;
  maxIntervalSeconds?: number;
  timeZone?: string | null;
  credentials?: SourceCredentials | null;
  /** A folder source's directory, and the glob its file names must match. */
  path?: string | null;
  pattern?: string | null;
  /** The source's own politeness, on top of the installation's (only ever stricter). */
  politeness?: SourcePoliteness | null;
}

/** A source as created: with its webhook secret, which is shown this once. */
export type CreatedSource = { source: SourceEntity; webhookSecret: string | null };

/** Creates and changes sources: URL policy, sealed credentials, webhook secrets, and the poll schedule. */
@Injectable()
export class SourceAdmin {
  constructor(
    private readonly sources: SourceRepository,
    private readonly secrets: SourceSecrets,
    private readonly scheduler: PollScheduler,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly audit: AuditLogRepository,
    private readonly kinds: SourceKindRegistry,
  ) {}

  async create(settings: SourceSettings, actor?: AuditActor): Promise<CreatedSource> {
    this.checkKind(settings.type, settings);
    if (settings.url) this.checkUrl(settings.url);
    this.checkTimeZone(settings.timeZone);
    this.checkIntervals(settings);
    const webhookSecret = this.kinds.isSigned(settings.type) ? generateWebhookSecret() : null;
    const fields: SourceFields & Pick<SourceEntity, 'slug' | 'name' | 'type'> = {
      slug: settings.slug,
      name: settings.name,
      type: settings.type,
      url: settings.url ?? null,
      active: settings.active ?? true,
      pollIntervalSeconds: settings.pollIntervalSeconds ?? null,
      timeZone: settings.timeZone ?? null,
      config: {
        ...this.intervalConfig(settings),
        ...(settings.politeness ? { politeness: settings.politeness } : {}),
        ...this.kinds.config(settings.type, settings),
      },
      credentialsEncrypted: settings.credentials ? this.secrets.sealCredentials(settings.credentials) : null,
      webhookSecretsEncrypted: webhookSecret
        ? this.secrets.sealWebhookSecrets([{ secret: webhookSecret, createdAt: new Date().toISOString(), expiresAt: null }])
        : null,
    };
    let source: SourceEntity;
    try {
      source = await this.dataSource.transaction(async (manager) => {
        const created = await this.sources.create(fields, manager);
        if (actor)
          await this.audit.record(
            actor,
            {
              action: AuditAction.SourceCreated,
              targetType: 'source',
              targetId: created.id,
              details: { slug: created.slug, type: created.type, url: created.url, credentials: Boolean(settings.credentials) },
            },
            manager,
          );
        return created;
      });
    } catch (err) {
      if (err instanceof UniqueViolationError && err.field === 'slug') {
        throw new CopydeskException(ErrorCode.Conflict, `A source with the slug "${settings.slug}" exists already.`, {
          slug: settings.slug,
        });
      }
      throw err;
    }
    if (source.active && this.kinds.isScheduled(source.type))
      await this.scheduler.schedule(source.id, this.scheduler.currentInterval(source));
    return { source, webhookSecret };
  }

  async update(source: SourceEntity, changes: Partial<Omit<SourceSettings, 'slug' | 'type'>>, actor?: AuditActor): Promise<SourceEntity> {
    this.checkKind(source.type, changes, true);
    if (changes.url) this.checkUrl(changes.url);
    this.checkTimeZone(changes.timeZone);
    this.checkIntervals(changes);
    const fields: SourceFields = {};
    if (changes.name !== undefined) fields.name = changes.name;
    if (changes.url !== undefined) fields.url = changes.url;
    if (changes.active !== undefined) fields.active = changes.active;
    if (changes.timeZone !== undefined) fields.timeZone = changes.timeZone;
    if (changes.pollIntervalSeconds !== undefined || changes.minIntervalSeconds !== undefined || changes.maxIntervalSeconds !== undefined) {
      fields.pollIntervalSeconds = changes.pollIntervalSeconds ?? source.pollIntervalSeconds;
      // A new interval restarts adaptation from it.
      fields.config = { ...source.config, ...this.intervalConfig({ ...source, ...changes }), adaptiveIntervalSeconds: undefined };
    }
    // Politeness replaces the source's own as a whole; null removes it (the installation's applies alone).
    if (changes.politeness !== undefined) {
      const { politeness: _previous, ...rest } = fields.config ?? source.config;
      fields.config = { ...rest, ...(changes.politeness ? { politeness: changes.politeness } : {}) };
    }
    const kindChanges = {
      ...(changes.path != null ? { path: changes.path } : {}),
      ...(changes.pattern !== undefined ? { pattern: changes.pattern } : {}),
    };
    if (Object.keys(kindChanges).length > 0) {
      const current = fields.config ?? source.config;
      fields.config = { ...current, ...this.kinds.config(source.type, { ...(current as KindSettings), ...kindChanges }) };
    }
    if (changes.credentials !== undefined)
      fields.credentialsEncrypted = changes.credentials ? this.secrets.sealCredentials(changes.credentials) : null;
    await this.dataSource.transaction(async (manager) => {
      await this.sources.update(source.id, fields, manager);
      if (actor) {
        // Which fields changed, and the new values of the harmless ones; credentials only as "changed".
        const { credentials, ...visible } = changes;
        const details = { ...visible, ...(credentials !== undefined ? { credentials: credentials ? 'replaced' : 'removed' } : {}) };
        await this.audit.record(actor, { action: AuditAction.SourceUpdated, targetType: 'source', targetId: source.id, details }, manager);
      }
    });
    const updated = (await this.sources.findById(source.id)) as SourceEntity;
    if (updated.active && this.kinds.isScheduled(updated.type))
      await this.scheduler.schedule(updated.id, this.scheduler.currentInterval(updated));
    else await this.scheduler.unschedule(updated.id);
    return updated;
  }

  /** A new webhook secret, shown once; the old one keeps verifying for `overlapSeconds`. */
  async rotateWebhookSecret(
    sourceId: string,
    overlapSeconds: number,
    actor?: AuditActor,
  ): Promise<{ secret: string; previousValidUntil: string }> {
    const source = await this.sources.findWithSecrets(sourceId);
    if (!source || !this.kinds.isSigned(source.type)) throw new CopydeskException(ErrorCode.NotFound, 'No webhook source has this id.');
    const now = Date.now();
    const until = new Date(now + overlapSeconds * 1000).toISOString();
    const kept = this.secrets
      .webhookSecrets(source)
      .filter((entry) => !entry.expiresAt || Date.parse(entry.expiresAt) > now)
      .map((entry) => ({ ...entry, expiresAt: entry.expiresAt && entry.expiresAt < until ? entry.expiresAt : until }));
    const secret = generateWebhookSecret();
    const sealed = this.secrets.sealWebhookSecrets([{ secret, createdAt: new Date(now).toISOString(), expiresAt: null }, ...kept]);
    await this.dataSource.transaction(async (manager) => {
      await this.sources.update(source.id, { webhookSecretsEncrypted: sealed }, manager);
      if (actor)
        await this.audit.record(
          actor,
          { action: AuditAction.SourceWebhookSecretRotated, targetType: 'source', targetId: source.id, details: { overlapSeconds } },
          manager,
        );
    });
    return { secret, previousValidUntil: until };
  }

  private intervalConfig(
    settings: Pick<SourceSettings, 'minIntervalSeconds' | 'maxIntervalSeconds'> & { config?: Record<string, unknown> },
  ): Record<string, unknown> {
    return {
      ...(settings.config ?? {}),
      ...(settings.minIntervalSeconds !== undefined ? { minIntervalSeconds: settings.minIntervalSeconds } : {}),
      ...(settings.maxIntervalSeconds !== undefined ? { maxIntervalSeconds: settings.maxIntervalSeconds } : {}),
    };
  }

  /** The kind's config schema: which settings it needs or refuses, and what they must look like. */
  private checkKind(type: string, settings: KindSettings, partial = false): void {
    const context = { watchFolderRoots: watchFolderRoots(this.config.get('WATCH_FOLDER_ROOTS')) };
    const errors: FieldProblem[] = this.kinds.check(type, settings, partial, context);
    if (errors.length)
      throw new CopydeskException(ErrorCode.ValidationFailed, errors.map((e) => `${e.pointer}: ${e.detail}`).join('; '), { errors });
  }

  private checkUrl(url: string): void {
    assertUrlAllowed(url, this.config.get('FETCH_ALLOW_LOOPBACK'));
  }

  /** No source polls more often than the installation allows (FEED_MIN_INTERVAL_SECONDS): refused, not clamped. */
  private checkIntervals(settings: Pick<SourceSettings, 'pollIntervalSeconds' | 'minIntervalSeconds'>): void {
    const floor = this.config.get('FEED_MIN_INTERVAL_SECONDS');
    const errors = (['pollIntervalSeconds', 'minIntervalSeconds'] as const)
      .filter((field) => typeof settings[field] === 'number' && settings[field] < floor)
      .map((field) => ({ pointer: `/${field}`, detail: `${field} must be at least ${floor} (FEED_MIN_INTERVAL_SECONDS)` }));
    if (errors.length)
      throw new CopydeskException(ErrorCode.ValidationFailed, errors.map((e) => `${e.pointer}: ${e.detail}`).join('; '), { errors });
  }

  private checkTimeZone(zone: string | null | undefined): void {
    if (!zone) return;
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
    } catch {
      throw new CopydeskException(ErrorCode.ValidationFailed, `"${zone}" is not an IANA time zone.`, {
        errors: [{ pointer: '/timeZone', detail: 'unknown time zone' }],
      });
    }
  }
}
