import { iso } from '@copydesk/http';
import { ApiScope } from '@copydesk/contracts';
import type { ApiKeyEntity } from '@copydesk/database';
import { ApiProperty } from '@nestjs/swagger';

/** A key as lists show it: never the key itself. */
export class ApiKeyView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'CMS production' })
  name: string;

  @ApiProperty({ example: 'cdk_live_Ab3x', description: 'The start of the key, to recognise it' })
  keyPrefix: string;

  @ApiProperty({ enum: ApiScope, enumName: 'ApiScope', isArray: true })
  scopes: ApiScope[];

  @ApiProperty({ type: [String], format: 'uuid', nullable: true, description: 'The sources the key is limited to; null for all' })
  sourceIds: string[] | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  defaultSourceId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Recorded at most once a minute' })
  lastUsedAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  expiresAt: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  revokedAt: string | null;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The key that created this one (null: the env admin key or the installation)',
  })
  createdByKeyId: string | null;
}

/** The answer to a creation: the only time the key is shown. */
export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ example: 'cdk_live_Ab3xQ…', description: 'The key: store it now, it is never shown again' })
  key: string;
}

export class ApiKeyListView {
  @ApiProperty({ type: [ApiKeyView] })
  items: ApiKeyView[];
}

export function toApiKeyView(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    keyPrefix: key.keyPrefix,
    scopes: key.scopes,
    sourceIds: key.sourceIds,
    defaultSourceId: key.defaultSourceId,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: iso(key.lastUsedAt),
    expiresAt: iso(key.expiresAt),
    revokedAt: iso(key.revokedAt),
    createdByKeyId: key.createdByKeyId,
  };
}
