import type { ArticleRevisionEntity } from '@copydesk/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class RevisionDiffView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Words added' })
  added: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Words removed' })
  removed: number;

  @ApiProperty({ description: 'A unified patch of the words' })
  patch: string;
}

/** One step of an article's history: what changed, when, and which input brought it. */
export class RevisionView {
  @ApiProperty({ type: 'integer', minimum: 1 })
  revision: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ example: 'api' })
  origin: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  rawItemId: string | null;

  @ApiProperty({ type: [String] })
  changedFields: string[];

  @ApiProperty({ type: String, nullable: true })
  title: string | null;

  @ApiProperty({ type: String, nullable: true })
  byline: string | null;

  @ApiProperty({ type: String, nullable: true })
  contentHash: string | null;

  @ApiProperty({ type: RevisionDiffView, nullable: true, description: 'Word-level diff against the previous revision' })
  diff: RevisionDiffView | null;

  @ApiProperty({ description: 'An agency’s older version that arrived after a newer one: history, never the article’s content' })
  superseded: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The agency’s version number of the wire item it came from' })
  agencyVersion: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'With text=true' })
  bodyText?: string | null;
}

export class RevisionListView {
  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ type: [RevisionView] })
  items: RevisionView[];
}

export function toRevisionView(revision: ArticleRevisionEntity, withText: boolean): RevisionView {
  return {
    revision: revision.revision,
    createdAt: revision.createdAt.toISOString(),
    origin: revision.origin,
    rawItemId: revision.rawItemId,
    changedFields: revision.changedFields,
    title: revision.title,
    byline: revision.byline,
    contentHash: revision.contentHash,
    diff: revision.diff as RevisionView['diff'],
    superseded: revision.superseded,
    agencyVersion: revision.agencyVersion,
    ...(withText ? { bodyText: revision.bodyText } : {}),
  };
}
