import { RawItemStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from './query-rows';

/**
 * Deletes what is past its retention age, one small batch per call, each in a short transaction of its own: rows
 * are picked oldest first by an index on their age and locked with SKIP LOCKED, so a purge never waits for the
 * pipeline, never makes it wait for long, and two workers purging at once take different rows.
 */
@Injectable()
export class RetentionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Raw items received more than `days` days ago, except those still waiting to be processed. Revisions made from
   * them stay (their text is the article's history) and lose only the link to the deleted input.
   */
  purgeRawItems(days: number, batch: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const doomed = await queryRows<{ id: string }>(
        manager,
        `SELECT id FROM raw_items WHERE received_at < now() - make_interval(days => $1) AND status <> $2
         ORDER BY received_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [days, RawItemStatus.Received, batch],
      );
      if (doomed.length === 0) return 0;
      const ids = doomed.map((row) => row.id);
      await manager.query(`UPDATE article_revisions SET raw_item_id = NULL WHERE raw_item_id = ANY($1::uuid[])`, [ids]);
      return (await queryRows(manager, `DELETE FROM raw_items WHERE id = ANY($1::uuid[]) RETURNING id`, [ids])).length;
    });
  }

  /** Delivery attempts (the per-try log) made more than `days` days ago; the delivery keeps its outcome and counts. */
  async purgeDeliveryAttempts(days: number, batch: number): Promise<number> {
    const rows = await queryRows(
      this.dataSource,
      `DELETE FROM delivery_attempts WHERE id IN (
         SELECT id FROM delivery_attempts WHERE created_at < now() - make_interval(days => $1)
         ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [days, batch],
    );
    return rows.length;
  }
}
