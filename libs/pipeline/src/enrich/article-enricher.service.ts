import { ArticleEventType, ArticleStatus, JobName, jobId } from '@copydesk/contracts';
import { ArticleRepository } from '@copydesk/database';
import { enrichArticle } from '@copydesk/enrichment';
import { JobQueue } from '@copydesk/queue';
import { Injectable, Logger } from '@nestjs/common';

export type EnrichOutcome = 'enriched' | 'stale' | 'missing' | 'killed';

/** Enriches one revision of an article, stores the result with the enricher version, and hands it to publishing. */
@Injectable()
export class ArticleEnricher {
  private readonly logger = new Logger(ArticleEnricher.name);

  constructor(
    private readonly articles: ArticleRepository,
    private readonly queue: JobQueue,
  ) {}

  async enrich(articleId: string, revision: number, correlationId: string): Promise<EnrichOutcome> {
    const article = await this.articles.findById(articleId);
    if (!article) return 'missing';
    if (article.status === ArticleStatus.Killed) return 'killed';
    // A newer revision has its own job; enriching this one would only be overwritten.
    if (article.revision !== revision) return 'stale';

    const metadata = article.metadata as { section?: string; jsonLdType?: string };
    const enrichment = enrichArticle({
      title: article.title ?? '',
      bodyText: article.bodyText ?? '',
      bodyHtml: article.bodyHtml ?? undefined,
      url: article.canonicalUrl ?? article.url ?? undefined,
      language: article.language ?? undefined,
      byline: article.byline ?? undefined,
      section: metadata.section,
      jsonLdType: metadata.jsonLdType,
    });
    const stored = await this.articles.advanceStatus(articleId, revision, ArticleStatus.Enriched, {
      enrichment: enrichment as unknown as Record<string, unknown>,
      enricherVersion: enrichment.enricherVersion,
      enrichedRevision: revision,
      language: article.language ?? (enrichment.language.code === 'und' ? null : enrichment.language.code),
    });
    if (!stored) return 'stale';

    const event = article.routedRevision === null ? ArticleEventType.Created : ArticleEventType.Updated;
    await this.queue.enqueue(
      JobName.RouteArticle,
      { articleId, revision, event, correlationId },
      { jobId: jobId('route', articleId, revision) },
    );
    this.logger.log({ articleId, revision, enricherVersion: enrichment.enricherVersion }, 'article enriched');
    return 'enriched';
  }
}
