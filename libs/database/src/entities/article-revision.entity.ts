import { RawItemOrigin } from '@copydesk/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A snapshot of an article's content each time it changes, with what changed. */
@Entity({ name: 'article_revisions' })
export class ArticleRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'raw_item_id', type: 'uuid', nullable: true })
  rawItemId: string | null;

  @Column({ type: 'text' })
  origin: RawItemOrigin | 'editor';

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  byline: string | null;

  @Column({ name: 'body_html', type: 'text', nullable: true })
  bodyHtml: string | null;

  @Column({ name: 'body_text', type: 'text', nullable: true })
  bodyText: string | null;

  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash: string | null;

  @Column({ name: 'changed_fields', type: 'text', array: true, default: '{}' })
  changedFields: string[];

  @Column({ type: 'jsonb', nullable: true })
  diff: Record<string, unknown> | null;

  /** An agency's older version that arrived after a newer one: kept as history, never the article's content. */
  @Column({ type: 'boolean', default: false })
  superseded: boolean;

  /** The agency's version number of the wire item this revision came from (null for other inputs). */
  @Column({ name: 'agency_version', type: 'integer', nullable: true })
  agencyVersion: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
