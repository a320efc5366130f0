import { ArticleRepository, type ArticleEntity } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { Injectable } from '@nestjs/common';
import { type AuthContext, canUseSource } from './auth-context';

/**
 * What a key limited to sources may reach. Articles of other sources answer 404, as if they did not exist: a
 * limited key (a partner's, say) learns nothing about the rest of the archive.
 */
@Injectable()
export class SourceAccess {
  constructor(private readonly articles: ArticleRepository) {}

  /** The article, or 404 when it does not exist or belongs to a source the key is not limited to. */
  async article(auth: AuthContext, id: string): Promise<ArticleEntity> {
    return visible(auth, id, await this.articles.findById(id));
  }

  /** The article as the API's JSON answer (ArticleView, written by PostgreSQL); 404 as article(). */
  async articleJson(auth: AuthContext, id: string): Promise<string> {
    return visible(auth, id, await this.articles.findJsonById(id)).json;
  }

  /** For routes whose service finds the article itself: a check only when the key is limited. */
  async checkArticle(auth: AuthContext, id: string): Promise<void> {
    if (auth.sourceIds !== null) await this.article(auth, id);
  }

  /** A source the key is not limited to, for writes into it: 403, since the caller named it. */
  assertSource(auth: AuthContext, source: { id: string; slug: string }): void {
    if (!canUseSource(auth, source.id))
      throw new CopydeskException(ErrorCode.Forbidden, `This key is limited to other sources than "${source.slug}".`, {
        source: source.slug,
      });
  }

  /** The source a push without one lands in: the key's default, or its only source. */
  static defaultSourceId(auth: AuthContext): string | null {
    return auth.defaultSourceId ?? (auth.sourceIds?.length === 1 ? auth.sourceIds[0] : null);
  }
}

/** The article found for `id`, or 404 when there is none or the key may not see its source. */
function visible<T extends { sourceId: string }>(auth: AuthContext, id: string, article: T | null): T {
  if (!article || !canUseSource(auth, article.sourceId))
    throw new CopydeskException(ErrorCode.ArticleNotFound, `No article has the id ${id}.`);
  return article;
}
