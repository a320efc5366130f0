import type { ArticleStatus, DeliveryStatus, RawItemOrigin } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface SourceStats {
  sourceId: string;
  slug: string;
  /** Inputs received in the window, by how they came. */
  inputs: Partial<Record<RawItemOrigin, number>>;
  /** Articles first received in the window, by where they are now. */
  articles: Partial<Record<ArticleStatus, number>>;
}

export interface Stats {
  sources: SourceStats[];
  /** Deliveries created in the window, by status (installation-wide). */
  deliveries: Partial<Record<DeliveryStatus, number>>;
}

/** Counts over a time window, for GET /v1/stats: each a grouped range scan on an indexed timestamp. */
@Injectable()
export class StatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async window(from: Date, to: Date, sourceIds: readonly string[] | null): Promise<Stats> {
    const scope = sourceIds ? ` AND source_id = ANY($3::uuid[])` : '';
    const parameters = sourceIds ? [from, to, sourceIds] : [from, to];
    const [articles, inputs, deliveries, sources] = await Promise.all([
      this.dataSource.query<Array<{ source_id: string; status: ArticleStatus; n: string }>>(
        `SELECT source_id, status, count(*) AS n FROM articles WHERE created_at >= $1 AND created_at < $2${scope} GROUP BY 1, 2`,
        parameters,
      ),
      this.dataSource.query<Array<{ source_id: string; origin: RawItemOrigin; n: string }>>(
        `SELECT source_id, origin, count(*) AS n FROM raw_items WHERE received_at >= $1 AND received_at < $2${scope} GROUP BY 1, 2`,
        parameters,
      ),
      sourceIds
        ? Promise.resolve([])
        : this.dataSource.query<Array<{ status: DeliveryStatus; n: string }>>(
            `SELECT status, count(*) AS n FROM deliveries WHERE created_at >= $1 AND created_at < $2 GROUP BY 1`,
            [from, to],
          ),
      this.dataSource.query<Array<{ id: string; slug: string }>>(
        `SELECT id, slug FROM sources${sourceIds ? ' WHERE id = ANY($1::uuid[])' : ''} ORDER BY slug`,
        sourceIds ? [sourceIds] : [],
      ),
    ]);
    const bySource = new Map<string, SourceStats>(sources.map((s) => [s.id, { sourceId: s.id, slug: s.slug, inputs: {}, articles: {} }]));
    for (const row of articles) {
      const entry = bySource.get(row.source_id);
      if (entry) entry.articles[row.status] = Number(row.n);
    }
    for (const row of inputs) {
      const entry = bySource.get(row.source_id);
      if (entry) entry.inputs[row.origin] = Number(row.n);
    }
    return {
      sources: [...bySource.values()],
      deliveries: Object.fromEntries(deliveries.map((row) => [row.status, Number(row.n)])),
    };
  }
}
