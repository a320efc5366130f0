import { ArticleEventType, ArticleStatus, RawItemStatus, SubscriptionStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from './query-rows';

/** A raw item queued long ago and still not processed. */
export interface StuckRawItem {
  id: string;
  articleId: string;
  correlationId: string;
}

/** An article that stopped between stages: `extracted` waits for enrichment, `enriched` for routing. */
export interface StuckArticle {
  id: string;
  status: ArticleStatus.Extracted | ArticleStatus.Enriched;
  revision: number;
  routedRevision: number | null;
  correlationId: string | null;
}

/** A killed article some subscriber may hold, whose `article.killed` was never routed. */
export interface UnannouncedKill {
  id: string;
  revision: number;
  correlationId: string | null;
}

/** A kill is looked after this long; older ones are history. */
const KILL_HORIZON_DAYS = 7;

/*
 * Everything here is bounded by a cutoff ("untouched for this long") and a batch size, and served by indexes that
 * lead with the status (raw_items_pending_idx, articles_status_created_idx): the reconciler's scans cost the same
 * however large the tables grow. `redriven_at` doubles as a claim: a row is driven again at most once per cutoff window, whichever
 * ingest worker gets there first.
 */
@Injectable()
export class RecoveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Raw items queued (or last re-driven) longer than `stuckSeconds` ago and still waiting to be processed. */
  stuckRawItems(stuckSeconds: number, limit: number): Promise<StuckRawItem[]> {
    return this.dataSource.query(
      `SELECT id, article_id AS "articleId", correlation_id AS "correlationId" FROM raw_items
       WHERE status = $1 AND article_id IS NOT NULL AND enqueued_at IS NOT NULL
         AND greatest(enqueued_at, coalesce(redriven_at, enqueued_at)) < now() - make_interval(secs => $2)
       ORDER BY received_at LIMIT $3`,
      [RawItemStatus.Received, stuckSeconds, limit],
    );
  }

  /**
   * Claims a raw item for one re-drive and returns how many re-drives it has had since it was last queued, or null
   * when another reconciler claimed it within the window (or it was processed meanwhile).
   */
  async claimRawItem(id: string, stuckSeconds: number): Promise<number | null> {
    const rows = await queryRows<{ redrives: number }>(
      this.dataSource,
      `UPDATE raw_items
       SET redrives = CASE WHEN redriven_at IS NULL OR enqueued_at > redriven_at THEN 1 ELSE redrives + 1 END, redriven_at = now()
       WHERE id = $1 AND status = $2 AND (redriven_at IS NULL OR redriven_at < now() - make_interval(secs => $3))
       RETURNING redrives`,
      [id, RawItemStatus.Received, stuckSeconds],
    );
    return rows[0]?.redrives ?? null;
  }

  /** Articles left at `extracted` or `enriched` for longer than `stuckSeconds`. */
  stuckArticles(stuckSeconds: number, limit: number): Promise<StuckArticle[]> {
    return this.dataSource.query(
      `SELECT id, status, revision, routed_revision AS "routedRevision", correlation_id AS "correlationId" FROM articles
       WHERE status IN ($1, $2) AND greatest(updated_at, coalesce(redriven_at, updated_at)) < now() - make_interval(secs => $3)
       ORDER BY updated_at LIMIT $4`,
      [ArticleStatus.Extracted, ArticleStatus.Enriched, stuckSeconds, limit],
    );
  }

  /**
   * Killed articles whose kill never reached the publish side: a subscriber that may hold the article (a delivery
   * was attempted or delivered), still active and taking kills, has no `article.killed` delivery.
   */
  unannouncedKills(stuckSeconds: number, maxRedrives: number, limit: number): Promise<UnannouncedKill[]> {
    return this.dataSource.query(
      `SELECT a.id, a.revision, a.correlation_id AS "correlationId" FROM articles a
       WHERE a.status = $1 AND a.killed_at > now() - make_interval(days => $2) AND a.killed_at < now() - make_interval(secs => $3)
         AND (a.redriven_at IS NULL OR a.redriven_at < now() - make_interval(secs => $3)) AND a.redrives < $4
         AND EXISTS (
           SELECT 1 FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
           WHERE d.article_id = a.id AND d.event <> $5 AND (d.status = 'delivered' OR d.attempts > 0)
             AND s.deleted_at IS NULL AND s.status <> $6 AND $5 = ANY (s.events)
             AND NOT EXISTS (SELECT 1 FROM deliveries k WHERE k.article_id = a.id AND k.subscription_id = d.subscription_id AND k.event = $5))
       ORDER BY a.killed_at LIMIT $7`,
      [ArticleStatus.Killed, KILL_HORIZON_DAYS, stuckSeconds, maxRedrives, ArticleEventType.Killed, SubscriptionStatus.Disabled, limit],
    );
  }

  /**
   * Claims an article for one re-drive while it is still `status`; returns its re-drives since it last moved on its
   * own (the count restarts whenever updated_at passes the last re-drive), or null when it moved or was claimed.
   */
  async claimArticle(id: string, status: ArticleStatus, stuckSeconds: number): Promise<number | null> {
    const rows = await queryRows<{ redrives: number }>(
      this.dataSource,
      `UPDATE articles
       SET redrives = CASE WHEN redriven_at IS NULL OR updated_at > redriven_at THEN 1 ELSE redrives + 1 END, redriven_at = now()
       WHERE id = $1 AND status = $2 AND (redriven_at IS NULL OR redriven_at < now() - make_interval(secs => $3))
       RETURNING redrives`,
      [id, status, stuckSeconds],
    );
    return rows[0]?.redrives ?? null;
  }

  /** Fails an article that stayed stuck at `status` through every re-drive, with the reason. */
  async failStuckArticle(id: string, status: ArticleStatus, reason: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `UPDATE articles SET status = $3, failure_reason = $4, updated_at = now() WHERE id = $1 AND status = $2 RETURNING id`,
      [id, status, ArticleStatus.Failed, reason],
    );
    return rows.length > 0;
  }
}
