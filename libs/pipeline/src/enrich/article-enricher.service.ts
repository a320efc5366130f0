import { ArticleEventType, ArticleStatus, JobName, jobId } from '@copydesk/contracts';
import {
  type ArticleEntity,
  ArticleEnrichmentRepository,
  ArticleRepository,
  type ArticleState,
  EditorialCorrectionRepository,
} from '@copydesk/database';
import { applyEditorialCorrections, enrichArticle, type EditedEnrichment } from '@copydesk/enrichment';
import { JobQueue } from '@copydesk/queue';
import { MicroBatcher } from '@copydesk/runtime';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { changedForSubscribers, enrichmentText, toEditorialCorrections } from './editorial-corrections.mapper';
import { EnrichmentModel } from './enrichment-model.service';

export type EnrichOutcome = 'enriched' | 'stale' | 'missing' | 'killed';

/** Why enrichment runs: a new revision arrived, or someone asked for it again (one article, or a bulk re-enrich). */
type Trigger = { kind: 'revision' } | { kind: 're-enrich'; requestId: string };

type Stored = { outcome: 'enriched'; before: ArticleState; enrichment: EditedEnrichment } | { outcome: Exclude<EnrichOutcome, 'enriched'> };

/** The machine's enrichment of one revision, waiting to be merged with the corrections and stored. */
interface MachineEnrichment {
  articleId: string;
  revision: number;
  machine: ReturnType<typeof enrichArticle>;
  /** The revision's text as read for the machine: what editors' entity corrections are counted in. */
  text: string;
}

/** Articles read, and enrichments stored, in one batch at most. */
const BATCH = 64;

/**
 * Enriches one revision of an article, merges in the editors' corrections in force (they win over the machine),
 * stores the result with the enricher, scheme and topic-model versions, and hands it to publishing. Jobs running
 * at once read their articles in one statement and store their enrichments in one transaction (group commit).
 */
@Injectable()
export class ArticleEnricher {
  private readonly logger = new Logger(ArticleEnricher.name);
  private readonly reader = new MicroBatcher<string, ArticleEntity | null>((ids) => this.read(ids), { maxSize: BATCH });
  private readonly writer = new MicroBatcher<MachineEnrichment, Stored>((batch) => this.storeAll(batch), {
    maxSize: BATCH,
    key: (item) => item.articleId,
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly articles: ArticleRepository,
    private readonly enrichments: ArticleEnrichmentRepository,
    private readonly corrections: EditorialCorrectionRepository,
    private readonly queue: JobQueue,
    private readonly model: EnrichmentModel,
  ) {}

  /** A new revision: enrich it and route it (as created or updated, which the router decides). */
  enrich(articleId: string, revision: number, correlationId: string): Promise<EnrichOutcome> {
    return this.run(articleId, revision, correlationId, { kind: 'revision' });
  }

  /**
   * Enrichment asked for again. A revision already published goes out again as `article.updated` only when what
   * subscribers filter on and receive (topics, entities, content type, language) changed; one never routed is routed
   * as usual.
   */
  reEnrich(articleId: string, revision: number, requestId: string, correlationId: string): Promise<EnrichOutcome> {
    return this.run(articleId, revision, correlationId, { kind: 're-enrich', requestId });
  }

  private async run(articleId: string, revision: number, correlationId: string, trigger: Trigger): Promise<EnrichOutcome> {
    const article = await this.reader.submit(articleId);
    if (!article) return 'missing';
    if (article.status === ArticleStatus.Killed) return 'killed';
    // A newer revision has its own job; enriching this one would only be overwritten.
    if (article.revision !== revision) return 'stale';

    // The CPU work happens outside the transaction; only the merge and the write hold the row lock.
    const metadata = article.metadata as { section?: string; jsonLdType?: string };
    const machine = enrichArticle(
      {
        title: article.title ?? '',
        bodyText: article.bodyText ?? '',
        bodyHtml: article.bodyHtml ?? undefined,
        url: article.canonicalUrl ?? article.url ?? undefined,
        language: article.language ?? undefined,
        byline: article.byline ?? undefined,
        section: metadata.section,
        jsonLdType: metadata.jsonLdType,
      },
      { topicModel: this.model.topicModel },
    );

    const stored = await this.writer.submit({ articleId, revision, machine, text: enrichmentText(article) });
    if (stored.outcome !== 'enriched') return stored.outcome;

    const { before, enrichment } = stored;
    // Entities are known now: find the article's story cluster (in the ingest worker, beside the duplicate index).
    await this.queue.enqueue(
      JobName.ClusterArticle,
      { articleId, revision, correlationId },
      { jobId: jobId('cluster', articleId, revision, trigger.kind === 're-enrich' ? trigger.requestId : 'first') },
    );
    const routeJob = this.routeJob(before, revision, enrichment, trigger);
    if (routeJob) {
      const event = before.routedRevision === null ? ArticleEventType.Created : ArticleEventType.Updated;
      await this.queue.enqueue(JobName.RouteArticle, { articleId, revision, event, correlationId }, { jobId: routeJob });
    }
    this.logger.log(
      {
        articleId,
        revision,
        trigger: trigger.kind,
        enricherVersion: enrichment.enricherVersion,
        schemeVersion: enrichment.schemeVersion,
        topicModelVersion: enrichment.topicModelVersion,
        topics: enrichment.topics.slice(0, 3).map((t) => t.qcode),
        editorial: Object.keys(enrichment.editorial ?? {}),
        routeJob,
      },
      'article enriched',
    );
    return 'enriched';
  }

  private async read(ids: string[]): Promise<Array<ArticleEntity | null>> {
    const found = new Map((await this.articles.findMany(ids)).map((article) => [article.id, article]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /**
   * Under the articles' row locks, so an editor's correction committed meanwhile is either merged here or merges
   * itself into what this writes: never lost between the two. One transaction, four statements, for the batch.
   */
  private storeAll(batch: MachineEnrichment[]): Promise<Stored[]> {
    return this.dataSource.transaction(async (manager) => {
      const ids = batch.map((item) => item.articleId);
      // The state alone: the text is the revision's, read before the lock with the rest of the article.
      const locked = new Map((await this.articles.lockStateMany(ids, manager)).map((article) => [article.id, article]));
      const inForce = await this.corrections.inForceMany(ids, manager);
      const merged = batch.map(
        ({ articleId, revision, machine, text }): Stored | { outcome: 'write'; before: ArticleState; enrichment: EditedEnrichment } => {
          const article = locked.get(articleId);
          if (!article) return { outcome: 'missing' };
          if (article.status === ArticleStatus.Killed) return { outcome: 'killed' };
          if (article.revision !== revision) return { outcome: 'stale' };
          const corrections = toEditorialCorrections(inForce.get(articleId) ?? {});
          return {
            outcome: 'write',
            before: article,
            enrichment: applyEditorialCorrections(machine, corrections, text),
          };
        },
      );
      const written = await this.enrichments.storeMany(
        merged.flatMap((m, i) =>
          m.outcome === 'write'
            ? [
                {
                  articleId: batch[i].articleId,
                  revision: batch[i].revision,
                  enrichment: m.enrichment,
                  enricherVersion: m.enrichment.enricherVersion,
                  // Only where the article has no language: setting it recomputes the article's search vector.
                  detectedLanguage: m.before.language === null && m.enrichment.language.code !== 'und' ? m.enrichment.language.code : null,
                },
              ]
            : [],
        ),
        manager,
      );
      return merged.map((m, i): Stored => {
        if (m.outcome !== 'write') return m;
        return written.has(batch[i].articleId) ? { outcome: 'enriched', before: m.before, enrichment: m.enrichment } : { outcome: 'stale' };
      });
    });
  }

  /** The route job to queue after storing, or null when subscribers have nothing new to hear. */
  private routeJob(before: ArticleState, revision: number, after: EditedEnrichment, trigger: Trigger): string | null {
    // The revision's own route job: queued once however often it is enriched (a pending one is not doubled).
    const normal = jobId('route', before.id, revision);
    if (trigger.kind === 'revision' || before.routedRevision !== revision) return normal;
    // Already published at this revision: an update, with an id of its own (the normal one may be kept as completed).
    return changedForSubscribers(before.enrichment, after) ? jobId('route', before.id, revision, 're-enrich', trigger.requestId) : null;
  }
}
