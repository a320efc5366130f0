import { ArticleStatus } from '@copydesk/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type CorrectedEntities, EditorialCorrectionEntity } from '../entities';
import { entityRows, type EntityRows } from './entity-rows';

/** What was corrected: topics (checked against a scheme release) or entity names. */
export type CorrectionContent =
  { kind: 'topics'; topics: string[]; schemeVersion: string } | { kind: 'entities'; entities: CorrectedEntities };

export type NewEditorialCorrection = Pick<EditorialCorrectionEntity, 'articleId' | 'articleRevision' | 'apiKeyId'> & CorrectionContent;

/** The corrections in force for one article: the latest of each kind. */
export interface CorrectionsInForce {
  topics?: EditorialCorrectionEntity;
  entities?: EditorialCorrectionEntity;
}

/** An article whose topics an editor confirmed, as training data: its current text and the editor's topics. */
export interface ConfirmedTopicExample {
  articleId: string;
  title: string;
  bodyText: string;
  topics: string[];
  confirmedAt: Date;
}

@Injectable()
export class EditorialCorrectionRepository {
  private readonly rows: EntityRows<EditorialCorrectionEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.rows = entityRows(dataSource, EditorialCorrectionEntity);
  }

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(EditorialCorrectionEntity);
  }

  async insert(correction: NewEditorialCorrection, manager?: EntityManager): Promise<EditorialCorrectionEntity> {
    const repo = this.repo(manager);
    const saved = await repo.save(repo.create(correction));
    return repo.findOneByOrFail({ id: saved.id });
  }

  async inForce(articleId: string, manager?: EntityManager): Promise<CorrectionsInForce> {
    const rows = await this.repo(manager)
      .createQueryBuilder('c')
      .distinctOn(['c.kind'])
      .where('c.article_id = :articleId', { articleId })
      .orderBy('c.kind')
      .addOrderBy('c.seq', 'DESC')
      .getMany();
    return Object.fromEntries(rows.map((row) => [row.kind, row]));
  }

  /** {@link inForce} for several articles in one statement; articles without corrections map to `{}`. */
  async inForceMany(articleIds: string[], manager?: EntityManager): Promise<Map<string, CorrectionsInForce>> {
    const found = new Map<string, CorrectionsInForce>(articleIds.map((id) => [id, {}]));
    if (!articleIds.length) return found;
    const rows = await (manager ?? this.dataSource.manager).query<Array<Record<string, unknown>>>(
      `SELECT DISTINCT ON (c.article_id, c.kind) ${this.rows.columns('c')} FROM editorial_corrections c
       WHERE c.article_id = ANY($1::uuid[]) ORDER BY c.article_id, c.kind, c.seq DESC`,
      [articleIds],
    );
    for (const row of rows.map((r) => this.rows.toEntity(r))) (found.get(row.articleId) as CorrectionsInForce)[row.kind] = row;
    return found;
  }

  /**
   * Editor-confirmed topics with the article's current text, one page at a time by article id (never the whole
   * table at once), the latest topic correction of each article. Killed articles are left out: a kill is usually
   * legal, and their text should not live on in a model.
   */
  async *confirmedTopicExamples(pageSize = 500): AsyncGenerator<ConfirmedTopicExample[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<{ article_id: string; title: string | null; body_text: string | null; topics: string[]; created_at: Date }> =
        await this.dataSource.query(
          `SELECT DISTINCT ON (c.article_id) c.article_id, a.title, a.body_text, c.topics, c.created_at
           FROM editorial_corrections c JOIN articles a ON a.id = c.article_id
          WHERE c.kind = 'topics' AND c.article_id > $1 AND a.status <> $2
          ORDER BY c.article_id, c.seq DESC
          LIMIT $3`,
          [after, ArticleStatus.Killed, pageSize],
        );
      if (rows.length === 0) return;
      yield rows.map((row) => ({
        articleId: row.article_id,
        title: row.title ?? '',
        bodyText: row.body_text ?? '',
        topics: row.topics,
        confirmedAt: row.created_at,
      }));
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1].article_id;
    }
  }
}
