import type { SourceEntity } from '@copydesk/database';

/** A source as the API shows it: settings and health, never credentials or secrets. */
export interface SourceView {
  id: string;
  slug: string;
  name: string;
  type: string;
  url: string | null;
  active: boolean;
  timeZone: string | null;
  hasCredentials: boolean;
  politeness: { minIntervalMs?: number; concurrency?: number } | null;
  schedule: {
    pollIntervalSeconds: number | null;
    currentIntervalSeconds: number | null;
    minIntervalSeconds: number | null;
    maxIntervalSeconds: number | null;
  };
  health: {
    lastPolledAt: string | null;
    lastSuccessAt: string | null;
    lastError: string | null;
    lastErrorAt: string | null;
    consecutiveFailures: number;
    nextPollAt: string | null;
    itemsSeen: number;
    status: 'healthy' | 'failing' | 'unhealthy' | 'idle';
  };
  createdAt: string;
  updatedAt: string;
  /** Only when the source is created or its secret rotated. */
  webhookSecret?: string;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** Three failures in a row make a source unhealthy: polled less often, never dropped. */
const UNHEALTHY_AFTER = 3;

export function toSourceView(source: SourceEntity, hasCredentials: boolean): SourceView {
  const config = source.config as {
    adaptiveIntervalSeconds?: number;
    minIntervalSeconds?: number;
    maxIntervalSeconds?: number;
    politeness?: { minIntervalMs?: number; concurrency?: number };
  };
  const status =
    source.consecutiveFailures >= UNHEALTHY_AFTER
      ? 'unhealthy'
      : source.consecutiveFailures > 0
        ? 'failing'
        : source.lastSuccessAt
          ? 'healthy'
          : 'idle';
  return {
    id: source.id,
    slug: source.slug,
    name: source.name,
    type: source.type,
    url: source.url,
    active: source.active,
    timeZone: source.timeZone,
    hasCredentials,
    politeness: config.politeness ?? null,
    schedule: {
      pollIntervalSeconds: source.pollIntervalSeconds,
      currentIntervalSeconds: config.adaptiveIntervalSeconds ?? source.pollIntervalSeconds,
      minIntervalSeconds: config.minIntervalSeconds ?? null,
      maxIntervalSeconds: config.maxIntervalSeconds ?? null,
    },
    health: {
      lastPolledAt: iso(source.lastPolledAt),
      lastSuccessAt: iso(source.lastSuccessAt),
      lastError: source.lastError,
      lastErrorAt: iso(source.lastErrorAt),
      consecutiveFailures: source.consecutiveFailures,
      nextPollAt: iso(source.nextPollAt),
      itemsSeen: source.itemsSeen,
      status,
    },
    createdAt: source.createdAt.toISOString(),
    updatedAt: source.updatedAt.toISOString(),
  };
}
