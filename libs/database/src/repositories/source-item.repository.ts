import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SourceItemState {
  itemKey: string;
  fingerprint: string;
}

/** What a feed last said about each item: a poll only turns new or changed items into raw items. */
@Injectable()
export class SourceItemRepository {
  constructor(private readonly dataSource: DataSource) {}

  async fingerprints(sourceId: string, itemKeys: string[]): Promise<Map<string, string>> {
    if (itemKeys.length === 0) return new Map();
    const rows: Array<{ item_key: string; fingerprint: string }> = await this.dataSource.query(
      `SELECT item_key, fingerprint FROM source_items WHERE source_id = $1 AND item_key = ANY($2)`,
      [sourceId, itemKeys],
    );
    return new Map(rows.map((row) => [row.item_key, row.fingerprint]));
  }

  async remember(sourceId: string, item: SourceItemState & { articleId: string }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO source_items (source_id, item_key, fingerprint, article_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (source_id, item_key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, article_id = EXCLUDED.article_id, last_changed_at = now()`,
      [sourceId, item.itemKey, item.fingerprint, item.articleId],
    );
  }
}
