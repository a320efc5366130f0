import { SourceType } from '@copydesk/contracts';
import type { SourceEntity } from '@copydesk/database';
import { folderConfig } from '@copydesk/pipeline';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The source's own politeness, on top of the installation's. */
export class SourcePolitenessView {
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  minIntervalMs?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  concurrency?: number;
}

export class SourceScheduleView {
  @ApiProperty({ type: 'integer', nullable: true })
  pollIntervalSeconds: number | null;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Where adaptive polling stands now' })
  currentIntervalSeconds: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  minIntervalSeconds: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  maxIntervalSeconds: number | null;
}

export class SourceHealthView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastPolledAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastSuccessAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastErrorAt: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  consecutiveFailures: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextPollAt: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  itemsSeen: number;

  @ApiProperty({ enum: ['healthy', 'failing', 'unhealthy', 'idle'] })
  status: 'healthy' | 'failing' | 'unhealthy' | 'idle';
}

/** A source as the API shows it: settings and health, never credentials or secrets. */
export class SourceView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'partner-wire' })
  slug: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: SourceType, enumName: 'SourceType' })
  type: string;

  @ApiProperty({ type: String, format: 'uri', nullable: true })
  url: string | null;

  @ApiPropertyOptional({ type: String, description: 'A folder source: the directory it watches' })
  path?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A folder source: the glob file names must match' })
  pattern?: string | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: String, nullable: true, example: 'Europe/Paris' })
  timeZone: string | null;

  @ApiProperty({ description: 'Whether credentials are stored (they are never shown)' })
  hasCredentials: boolean;

  @ApiProperty({ type: SourcePolitenessView, nullable: true })
  politeness: SourcePolitenessView | null;

  @ApiProperty({ type: SourceScheduleView })
  schedule: SourceScheduleView;

  @ApiProperty({ type: SourceHealthView })
  health: SourceHealthView;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  /** Only when the source is created or its secret rotated. */
  @ApiPropertyOptional({
    description: 'The whsec_ signing secret of a webhook source: in the answer that creates it, only',
    example: 'whsec_…',
  })
  webhookSecret?: string;
}

export class SourceListView {
  @ApiProperty({ type: [SourceView] })
  items: SourceView[];
}

export class RotatedWebhookSecretView {
  @ApiProperty({ example: 'whsec_…', description: 'The new secret: shown this once' })
  webhookSecret: string;

  @ApiProperty({ format: 'date-time', description: 'Until when the previous secret still verifies' })
  previousValidUntil: string;
}

export class PollReceiptView {
  @ApiProperty({ format: 'uuid' })
  sourceId: string;

  @ApiProperty({ enum: ['queued'] })
  status: 'queued';

  @ApiProperty({ description: 'The poll job (GET /v1/jobs/{jobId})' })
  jobId: string;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** Three failures in a row make a source unhealthy: polled less often, never dropped. */
const UNHEALTHY_AFTER = 3;

function folderSettings(source: SourceEntity): Pick<SourceView, 'path' | 'pattern'> {
  const folder = source.type === SourceType.Folder ? folderConfig(source.config) : null;
  return folder ? { path: folder.path, pattern: folder.pattern } : {};
}

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
    ...folderSettings(source),
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
