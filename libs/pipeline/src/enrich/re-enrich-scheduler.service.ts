import { ArticleStatus, JobName, type JobPayload, type ReEnrichFilter, jobId } from '@copydesk/contracts';
import { ArticleEnrichmentRepository, ArticleRepository, SourceRepository } from '@copydesk/database';
import { ENRICHER_VERSION, MEDIA_TOPICS_SCHEME_VERSION } from '@copydesk/enrichment';
import { JobQueue } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';

/** `current` stands for this installation's enricher version or IPTC scheme release. */
export const CURRENT_VERSION = 'current';

/** A bulk re-enrich as asked for through the API: sources by slug, versions possibly `current`. */
export interface ReEnrichRequest {
  sources?: string[];
  statuses?: ArticleStatus[];
  enricherVersionNot?: string;
  schemeVersionNot?: string;
  topicModelVersionNot?: string;
  publishedFrom?: string;
  publishedTo?: string;
  receivedFrom?: string;
  receivedTo?: string;
  limit?: number;
}

/** Statuses an article can be re-enriched in: it has content, and it is not killed. */
export const RE_ENRICHABLE_STATUSES = [ArticleStatus.Extracted, ArticleStatus.Enriched, ArticleStatus.Published] as const;
export const DEFAULT_RE_ENRICH_LIMIT = 10_000;
export const MAX_RE_ENRICH_LIMIT = 1_000_000;

// Articles queued per page job. The next page job is queued behind them (same priority, first in first out), so
// a bulk re-enrich never holds more than about a page of jobs in Redis however many articles it covers.
const PAGE_SIZE = 500;
// Behind fresh copy: jobs without a priority (new revisions, single re-enrichments) always run first.
const BULK_PRIORITY = 100;

/** Queues enrichment again: one article on request, or every article of a filter, page by page. */
@Injectable()
export class ReEnrichScheduler {
  private readonly logger = new Logger(ReEnrichScheduler.name);

  constructor(
    private readonly articles: ArticleRepository,
    private readonly enrichments: ArticleEnrichmentRepository,
    private readonly sources: SourceRepository,
    private readonly queue: JobQueue,
  ) {}

  /**
   * Re-runs enrichment for the article's current revision. The job id names the request (its correlation id), so
   * it never collides with the revision's own enrich job, which may be kept as completed.
   */
  async reEnrichOne(articleId: string, correlationId: string): Promise<{ articleId: string; revision: number; requestId: string }> {
    const article = await this.articles.findById(articleId);
    if (!article) throw new CopydeskException(ErrorCode.ArticleNotFound, `No article has the id ${articleId}.`);
    if (article.status === ArticleStatus.Killed) {
      throw new CopydeskException(ErrorCode.ArticleKilled, `The article ${articleId} is killed: it is not enriched or published again.`);
    }
    if (article.revision === 0) {
      throw new CopydeskException(
        ErrorCode.Conflict,
        `The article ${articleId} has no content yet (status ${article.status}): it is enriched when its first revision is stored.`,
      );
    }
    const requestId = correlationId;
    await this.queue.enqueue(
      JobName.ReEnrichArticle,
      { articleId, revision: article.revision, requestId, correlationId },
      { jobId: jobId('re-enrich', articleId, article.revision, requestId) },
    );
    this.logger.log({ articleId, revision: article.revision, requestId }, 're-enrichment queued');
    return { articleId, revision: article.revision, requestId };
  }

  /**
   * Queues a re-enrichment of every article the filter covers, up to `limit`, and answers how many that is now.
   * The articles are queued by page jobs on the enrichment queue, so this returns at once and never loads them all.
   */
  async reEnrichMatching(
    request: ReEnrichRequest,
    correlationId: string,
  ): Promise<{ requestId: string; matched: number; limit: number; filter: ReEnrichFilter }> {
    const limit = request.limit ?? DEFAULT_RE_ENRICH_LIMIT;
    const filter = await this.resolve(request);
    const matched = await this.enrichments.countReEnrichable(filter, limit);
    const requestId = randomUUID();
    if (matched > 0) await this.queuePageJob({ requestId, filter, after: null, remaining: matched, page: 0, correlationId });
    this.logger.log({ requestId, matched, limit, filter }, 'bulk re-enrichment queued');
    return { requestId, matched, limit, filter };
  }

  /** One page: queues the next articles after `after`, then the page job that follows them. */
  async queuePage(data: JobPayload<JobName.ReEnrichPage>): Promise<number> {
    const { requestId, filter, after, remaining, page, correlationId } = data;
    const articles = await this.enrichments.pageReEnrichable(filter, after, Math.min(PAGE_SIZE, remaining));
    await Promise.all(
      articles.map((article) =>
        this.queue.enqueue(
          JobName.ReEnrichArticle,
          { articleId: article.id, revision: article.revision, requestId, correlationId },
          { jobId: jobId('re-enrich', article.id, article.revision, requestId), priority: BULK_PRIORITY },
        ),
      ),
    );
    const left = remaining - articles.length;
    if (articles.length === Math.min(PAGE_SIZE, remaining) && left > 0) {
      await this.queuePageJob({
        requestId,
        filter,
        after: articles[articles.length - 1].id,
        remaining: left,
        page: page + 1,
        correlationId,
      });
    }
    this.logger.log({ requestId, page, queued: articles.length, remaining: Math.max(0, left) }, 'bulk re-enrichment page queued');
    return articles.length;
  }

  private async queuePageJob(data: JobPayload<JobName.ReEnrichPage>): Promise<void> {
    await this.queue.enqueue(JobName.ReEnrichPage, data, {
      jobId: jobId('re-enrich-page', data.requestId, data.page),
      priority: BULK_PRIORITY,
    });
  }

  /** Slugs to ids and `current` to versions now, so every page of the request selects by the same filter. */
  private async resolve(request: ReEnrichRequest): Promise<ReEnrichFilter> {
    const sourceIds: string[] = [];
    for (const slug of request.sources ?? []) {
      const source = await this.sources.findBySlug(slug);
      if (!source) throw new CopydeskException(ErrorCode.UnknownSource, `No source has the slug "${slug}".`, { source: slug });
      sourceIds.push(source.id);
    }
    const version = (given: string | undefined, current: string): string | undefined => (given === CURRENT_VERSION ? current : given);
    // Articles arriving after the request are enriched as they come; a page must not chase them.
    const now = new Date().toISOString();
    const receivedTo = request.receivedTo && new Date(request.receivedTo).getTime() < Date.parse(now) ? request.receivedTo : now;
    const filter: ReEnrichFilter = {
      ...(sourceIds.length ? { sourceIds } : {}),
      ...(request.statuses?.length ? { statuses: request.statuses } : {}),
      enricherVersionNot: version(request.enricherVersionNot, ENRICHER_VERSION),
      schemeVersionNot: version(request.schemeVersionNot, MEDIA_TOPICS_SCHEME_VERSION),
      topicModelVersionNot: request.topicModelVersionNot,
      publishedFrom: request.publishedFrom,
      publishedTo: request.publishedTo,
      receivedFrom: request.receivedFrom,
      receivedTo,
    };
    // Undefined fields would survive in no JSON payload anyway; dropping them keeps logs and answers tidy.
    return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
  }
}
