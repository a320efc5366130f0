import { RawItemOrigin, RawItemStatus } from '@copydesk/contracts';
import type { RawItemEntity } from '@copydesk/database';
import { ApiProperty } from '@nestjs/swagger';

/** An input exactly as received: where from, how, and what became of it. */
export class RawItemView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  sourceId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  articleId: string | null;

  @ApiProperty({ enum: RawItemOrigin, enumName: 'RawItemOrigin' })
  origin: string;

  @ApiProperty({ example: 'application/json' })
  contentType: string;

  @ApiProperty({ type: String, format: 'uri', nullable: true })
  url: string | null;

  @ApiProperty({ type: String, nullable: true })
  externalId: string | null;

  @ApiProperty({ enum: RawItemStatus, enumName: 'RawItemStatus' })
  status: string;

  @ApiProperty({ type: String, nullable: true })
  error: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attempts: number;

  @ApiProperty()
  correlationId: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  processedAt: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  metadata: Record<string, unknown>;
}

export class RawItemListView {
  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ type: [RawItemView] })
  items: RawItemView[];
}

export class RawItemReplayView {
  @ApiProperty({ format: 'uuid' })
  rawItemId: string;

  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ enum: RawItemStatus, enumName: 'RawItemStatus' })
  status: string;

  @ApiProperty({ description: 'The processing job (GET /v1/jobs/{jobId})' })
  jobId: string;
}

export function toRawItemView(raw: RawItemEntity): RawItemView {
  return {
    id: raw.id,
    sourceId: raw.sourceId,
    articleId: raw.articleId,
    origin: raw.origin,
    contentType: raw.contentType,
    url: raw.url,
    externalId: raw.externalId,
    status: raw.status,
    error: raw.error,
    attempts: raw.attempts,
    correlationId: raw.correlationId,
    receivedAt: raw.receivedAt.toISOString(),
    processedAt: raw.processedAt?.toISOString() ?? null,
    metadata: raw.metadata,
  };
}
