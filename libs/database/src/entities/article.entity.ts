import { ArticleStatus } from '@copydesk/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One story from one source, at its latest revision. The id is allocated when the first raw item arrives, before
 * anything is extracted, so a caller can follow the article from the moment it is accepted.
 * Its text's search vector lives in `article_search` (kept by a trigger, GIN-indexed); repositories query it in SQL.
 */
@Entity({ name: 'articles' })
export class ArticleEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'canonical_url', type: 'text', nullable: true })
  canonicalUrl: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  byline: string | null;

  @Column({ type: 'jsonb', default: [] })
  authors: string[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'body_html', type: 'text', nullable: true })
  bodyHtml: string | null;

  @Column({ name: 'body_text', type: 'text', nullable: true })
  bodyText: string | null;

  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'modified_at', type: 'timestamptz', nullable: true })
  modifiedAt: Date | null;

  @Column({ name: 'embargo_until', type: 'timestamptz', nullable: true })
  embargoUntil: Date | null;

  @Column({ type: 'text' })
  status: ArticleStatus;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ name: 'kill_reason', type: 'text', nullable: true })
  killReason: string | null;

  @Column({ name: 'killed_at', type: 'timestamptz', nullable: true })
  killedAt: Date | null;

  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash: string | null;

  @Column({ type: 'integer', default: 0 })
  revision: number;

  @Column({ type: 'jsonb', nullable: true })
  enrichment: Record<string, unknown> | null;

  @Column({ name: 'enricher_version', type: 'text', nullable: true })
  enricherVersion: string | null;

  @Column({ name: 'enriched_revision', type: 'integer', nullable: true })
  enrichedRevision: number | null;

  /** When the current enrichment was stored. */
  @Column({ name: 'enriched_at', type: 'timestamptz', nullable: true })
  enrichedAt: Date | null;

  /** The last revision handed to the publish side; the next one is an update, not a creation. */
  @Column({ name: 'routed_revision', type: 'integer', nullable: true })
  routedRevision: number | null;

  /** When the newest raw item applied to this article was received: an older one arriving late never overwrites it. */
  @Column({ name: 'applied_received_at', type: 'timestamptz', nullable: true })
  appliedReceivedAt: Date | null;

  /** Extraction details that have no column of their own: provenance, site name, section, tags, image. */
  @Column({ type: 'jsonb', default: {} })
  metadata: Record<string, unknown>;

  /** The story cluster: articles about the same event across sources. */
  @Column({ name: 'cluster_id', type: 'uuid', nullable: true })
  clusterId: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;

  /** Moves only when the words change, not when markup or a tracking parameter does. */
  @Column({ name: 'content_changed_at', type: 'timestamptz', nullable: true })
  contentChangedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
