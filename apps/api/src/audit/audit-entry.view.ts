import { AuditAction } from '@copydesk/contracts';
import type { AuditEntryEntity } from '@copydesk/database';
import { ApiProperty } from '@nestjs/swagger';

export class AuditEntryView {
  @ApiProperty({ example: '1042', description: 'Entries are numbered in the order they were written' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The key that asked; null for the env admin key' })
  actorKeyId: string | null;

  @ApiProperty({ example: 'CMS production', description: 'The key’s name' })
  actor: string;

  @ApiProperty({ enum: AuditAction, enumName: 'AuditAction' })
  action: AuditAction;

  @ApiProperty({ enum: ['api-key', 'article', 'raw-item', 'source', 'subscription', 'delivery', 'queue', 'enrichment'] })
  targetType: string;

  @ApiProperty({ nullable: true, type: String, example: '6f1d…' })
  targetId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'With what: a reason, the fields changed (never a secret)' })
  details: Record<string, unknown>;

  @ApiProperty({ nullable: true, type: String, description: 'The correlation id of the request that made the change' })
  correlationId: string | null;
}

export class AuditPageView {
  @ApiProperty({ type: [AuditEntryView] })
  items: AuditEntryView[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next (older) page; null on the last' })
  nextCursor: string | null;
}

export function toAuditEntryView(entry: AuditEntryEntity): AuditEntryView {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorKeyId: entry.actorKeyId,
    actor: entry.actor,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    details: entry.details,
    correlationId: entry.correlationId,
  };
}
