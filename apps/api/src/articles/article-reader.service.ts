import { AppConfig } from '@copydesk/config';
import { type ArticleEntity, ArticleRepository, type SourceEntity, SourceRepository } from '@copydesk/database';
import { articleAsNinjs, type NinjsWithAgency } from '@copydesk/delivery';
import { canonicalizeUrl } from '@copydesk/normalize';
import { CopydeskException, ErrorCode, toArticleForPublishing } from '@copydesk/pipeline';
import { Injectable } from '@nestjs/common';
import type { PushArticleDto } from './dto/push-article.dto';

export const NINJS_MEDIA_TYPE = 'application/ninjs+json';

/**
 * The article rules the routes of /v1/articles share, so the controller only parses, authorizes and answers:
 * which article a push is about (and that a withdrawal names one that exists), which representation a reader
 * asked for, and the article as IPTC ninjs.
 */
@Injectable()
export class ArticleReader {
  constructor(
    private readonly articles: ArticleRepository,
    private readonly sources: SourceRepository,
    private readonly config: AppConfig,
  ) {}

  /**
   * The external id a push is filed under: the CMS's own, else the canonical URL (same source and same URL is the
   * same article). A withdrawal (`pubStatus: canceled`) must name an article the source already has.
   */
  async pushedExternalId(source: Pick<SourceEntity, 'id' | 'slug'>, dto: PushArticleDto): Promise<string | null> {
    const externalId = dto.externalId ?? (dto.url ? canonicalizeUrl(dto.url) : null);
    if (dto.pubStatus === 'canceled' && !(externalId && (await this.articles.findByExternalId(source.id, externalId)))) {
      throw new CopydeskException(
        ErrorCode.ArticleNotFound,
        `Nothing to withdraw: source "${source.slug}" has no article "${externalId ?? ''}".`,
      );
    }
    return externalId;
  }

  /** The article as IPTC ninjs 3.1 with the agency's record, as ninjs deliveries carry it; 409 while it has no content yet. */
  async ninjs(article: ArticleEntity): Promise<NinjsWithAgency> {
    if (article.revision === 0)
      throw new CopydeskException(
        ErrorCode.Conflict,
        `The article ${article.id} has no content yet (status ${article.status}): no ninjs to give.`,
      );
    const source = await this.sources.findById(article.sourceId);
    const baseUri = `${this.config.get('PUBLIC_BASE_URL').replace(/\/$/, '')}/v1/articles`;
    return articleAsNinjs(toArticleForPublishing(article, source), { baseUri });
  }
}

/** `format=ninjs` wins; else an Accept that names ninjs before (or without) JSON. */
export function wantsNinjs(format: string | undefined, accept: string | undefined): boolean {
  if (format !== undefined) {
    if (format === 'ninjs') return true;
    if (format === 'native') return false;
    throw new CopydeskException(ErrorCode.ValidationFailed, 'format must be native or ninjs.', {
      errors: [{ pointer: '/query/format', detail: 'must be native or ninjs' }],
    });
  }
  return Boolean(accept && accept.toLowerCase().includes(NINJS_MEDIA_TYPE));
}

/** DELETE /v1/articles/:id needs `hard=true` and a reason of 1 to 1000 characters; 422 naming what is missing. */
export function assertTakedownRequest(hard: string | undefined, reason: string | undefined): asserts reason is string {
  const errors = [
    ...(hard === 'true'
      ? []
      : [{ pointer: '/query/hard', detail: 'must be true: DELETE removes the article for good (POST .../kill withdraws it)' }]),
    ...(reason && reason.length <= 1000 ? [] : [{ pointer: '/query/reason', detail: 'required, 1 to 1000 characters' }]),
  ];
  if (errors.length) throw new CopydeskException(ErrorCode.ValidationFailed, 'A takedown needs hard=true and a reason.', { errors });
}
