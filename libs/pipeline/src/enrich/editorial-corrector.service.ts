import { ArticleEventType, ArticleStatus, AuditAction, JobName, jobId } from '@copydesk/contracts';
import {
  ArticleEnrichmentRepository,
  ArticleRepository,
  type AuditActor,
  AuditLogRepository,
  type CorrectedEntities,
  type CorrectionContent,
  EditorialCorrectionRepository,
} from '@copydesk/database';
import {
  ENTITY_KINDS,
  MEDIA_TOPICS_SCHEME_VERSION,
  applyEditorialCorrections,
  checkEditorTopics,
  machineEnrichment,
  type EditedEnrichment,
} from '@copydesk/enrichment';
import { JobQueue } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';
import { enrichmentText, toEditorialCorrections } from './editorial-corrections.mapper';

/** Who corrects: the API key (null for the installation's admin key). */
export interface CorrectionAuthorKey {
  apiKeyId: string | null;
  /** When given, the correction is recorded in the audit log, in its transaction. */
  actor?: AuditActor;
}

/** What a correction did. */
export interface CorrectionOutcome {
  articleId: string;
  revision: number;
  correctionId: string;
  correctedBy: string | null;
  correctedAt: string;
  /** The article's enrichment with the correction merged in; null until its first enrichment (which merges it). */
  enrichment: EditedEnrichment | null;
  /** Whether the article goes out again to subscribers as `article.updated`. */
  rerouted: boolean;
}

/**
 * Editors' topic and entity corrections. Each is stored as a row of its own and kept over the machine's: it is
 * merged into the stored enrichment now and into every later enrichment of the article (re-enrichments, new
 * revisions). A published article goes out again as an update.
 */
@Injectable()
export class EditorialCorrector {
  private readonly logger = new Logger(EditorialCorrector.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
    private readonly enrichments: ArticleEnrichmentRepository,
    private readonly corrections: EditorialCorrectionRepository,
    private readonly queue: JobQueue,
    private readonly audit: AuditLogRepository,
  ) {}

  /** The article's topics, as an editor confirms them: active IPTC Media Topics, most important first. */
  correctTopics(articleId: string, qcodes: string[], author: CorrectionAuthorKey, correlationId: string): Promise<CorrectionOutcome> {
    const checked = checkEditorTopics(qcodes);
    if (checked.rejected.length > 0) {
      throw new CopydeskException(ErrorCode.UnknownTopic, checked.rejected.map((r) => `${r.qcode} ${r.reason}`).join('; '), {
        schemeVersion: MEDIA_TOPICS_SCHEME_VERSION,
        errors: checked.rejected.map((r) => ({ pointer: `/topics/${r.index}`, detail: `${r.qcode} ${r.reason}` })),
      });
    }
    return this.correct(
      articleId,
      { kind: 'topics', topics: checked.qcodes, schemeVersion: MEDIA_TOPICS_SCHEME_VERSION },
      author,
      correlationId,
    );
  }

  /** The article's people, organisations and places, as an editor names them; a kind left out stays the machine's. */
  correctEntities(
    articleId: string,
    given: CorrectedEntities,
    author: CorrectionAuthorKey,
    correlationId: string,
  ): Promise<CorrectionOutcome> {
    const entities: CorrectedEntities = {};
    for (const kind of ENTITY_KINDS) {
      const names = given[kind];
      if (names === undefined) continue;
      const seen = new Set<string>();
      entities[kind] = names
        .map((name) => name.trim().replace(/\s+/g, ' '))
        .filter((name) => name && !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
    }
    if (Object.keys(entities).length === 0) {
      throw new CopydeskException(ErrorCode.ValidationFailed, 'Give at least one of people, organisations and places.', {
        errors: [{ pointer: '/', detail: 'give at least one of people, organisations and places' }],
      });
    }
    return this.correct(articleId, { kind: 'entities', entities }, author, correlationId);
  }

  private async correct(
    articleId: string,
    correction: CorrectionContent,
    author: CorrectionAuthorKey,
    correlationId: string,
  ): Promise<CorrectionOutcome> {
    const { article, row, enrichment } = await this.dataSource.transaction((manager) => this.store(articleId, correction, author, manager));

    // Enriched at its current revision: its route job is queued or done, so the correction goes out as an update,
    // under a job id of its own. Otherwise the revision's pending enrichment merges the correction and routes it.
    const rerouted = enrichment !== null && article.enrichedRevision === article.revision;
    if (rerouted) {
      await this.queue.enqueue(
        JobName.RouteArticle,
        { articleId, revision: article.revision, event: ArticleEventType.Updated, correlationId },
        { jobId: jobId('route', articleId, article.revision, 'correction', row.id) },
      );
    }
    this.logger.log(
      { articleId, revision: article.revision, kind: row.kind, correctionId: row.id, apiKeyId: row.apiKeyId, rerouted },
      'editorial correction stored',
    );
    return {
      articleId,
      revision: article.revision,
      correctionId: row.id,
      correctedBy: row.apiKeyId,
      correctedAt: row.createdAt.toISOString(),
      enrichment,
      rerouted,
    };
  }

  /**
   * Stores the correction (and its audit entry) and merges every correction in force into the stored enrichment.
   * The row lock serialises this with the enrichment worker's merge-and-write of the same article.
   */
  private async store(articleId: string, correction: CorrectionContent, author: CorrectionAuthorKey, manager: EntityManager) {
    const locked = await this.articles.findForUpdate(articleId, manager);
    if (!locked) throw new CopydeskException(ErrorCode.ArticleNotFound, `No article has the id ${articleId}.`);
    if (locked.status === ArticleStatus.Killed) {
      throw new CopydeskException(ErrorCode.ArticleKilled, `The article ${articleId} is killed: it is not corrected or published again.`);
    }
    const inserted = await this.corrections.insert(
      { ...correction, articleId, articleRevision: locked.revision, apiKeyId: author.apiKeyId },
      manager,
    );
    if (author.actor) {
      const [action, details] =
        correction.kind === 'topics'
          ? [AuditAction.ArticleTopicsCorrected, { topics: correction.topics }]
          : [AuditAction.ArticleEntitiesCorrected, { entities: correction.entities }];
      await this.audit.record(author.actor, { action, targetType: 'article', targetId: articleId, details }, manager);
    }
    let merged: EditedEnrichment | null = null;
    if (locked.enrichment) {
      const inForce = toEditorialCorrections(await this.corrections.inForce(articleId, manager));
      merged = applyEditorialCorrections(
        machineEnrichment(locked.enrichment as unknown as EditedEnrichment),
        inForce,
        enrichmentText(locked),
      );
      await this.enrichments.replaceEnrichment(articleId, merged as unknown as Record<string, unknown>, manager);
    }
    return { article: locked, row: inserted, enrichment: merged };
  }
}
