import { ApiScope, RawItemOrigin } from '@copydesk/contracts';
import {
  ArticleRepository,
  type AuditActor,
  ClusterRepository,
  RelationRepository,
  SourceRepository,
  type ArticleEntity,
} from '@copydesk/database';
import { canonicalizeUrl } from '@copydesk/normalize';
import { ArticleKiller, CopydeskException, ErrorCode, IngestReceiver } from '@copydesk/pipeline';
import { Body, Controller, Get, HttpCode, HttpStatus, ParseBoolPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Actor, Auth, type AuthContext, CorrelationId, canUseSource } from '../common/auth-context';
import { RequireScope } from '../common/scope.decorator';
import { SourceAccess } from '../common/source-access.service';
import { ListArticlesDto } from './dto/list-articles.dto';
import { ArticleReceiptDto, KillArticleDto, PushArticleDto } from './dto/push-article.dto';
import { type ArticleView, toArticleView } from './article.view';
import { type ClusterView, toClusterView } from './cluster.view';
import { type RevisionView, toRevisionView } from './revision.view';
import { UuidParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';

const ArticleId = (): ParameterDecorator => UuidParam('id');

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || typeof id !== 'string') throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw new CopydeskException(ErrorCode.ValidationFailed, 'cursor is not a cursor this API gave out.', {
      errors: [{ pointer: '/cursor', detail: 'invalid cursor' }],
    });
  }
}

@ApiTags('articles')
@RequireScope(ApiScope.Read)
@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly receiver: IngestReceiver,
    private readonly articles: ArticleRepository,
    private readonly relations: RelationRepository,
    private readonly killer: ArticleKiller,
    private readonly clusters: ClusterRepository,
    private readonly sources: SourceRepository,
    private readonly access: SourceAccess,
  ) {}

  /**
   * Accepts an article from a CMS. Answers 202 only once the raw push is committed; the id is the article's, so the
   * caller can follow it at once. The same `externalId` again updates that article.
   */
  @Post()
  @Idempotent()
  @RequireScope(ApiScope.Ingest)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: ArticleReceiptDto })
  async push(
    @Body() dto: PushArticleDto,
    @Req() request: FastifyRequest & { rawBody?: Buffer },
    @Auth() auth: AuthContext,
    @CorrelationId() correlationId: string,
  ): Promise<ArticleReceiptDto> {
    const source = await this.receiver.resolveSource(dto.source, SourceAccess.defaultSourceId(auth));
    this.access.assertSource(auth, source);
    // Same source and same URL is the same article, even without an id of the CMS's own.
    const externalId = dto.externalId ?? (dto.url ? canonicalizeUrl(dto.url) : null);
    if (dto.pubStatus === 'canceled' && !(externalId && (await this.articles.findByExternalId(source.id, externalId)))) {
      throw new CopydeskException(
        ErrorCode.ArticleNotFound,
        `Nothing to withdraw: source "${source.slug}" has no article "${externalId ?? ''}".`,
      );
    }
    const receipt = await this.receiver.receive(
      source,
      {
        origin: RawItemOrigin.Api,
        // The bytes as sent, so a replay sees exactly what the CMS sent.
        payload: request.rawBody ?? Buffer.from(JSON.stringify(dto)),
        contentType: 'application/json',
        externalId,
        url: dto.url ?? null,
        metadata: { apiKeyId: auth.keyId },
      },
      correlationId,
    );
    return { id: receipt.id, status: receipt.status };
  }

  /** Newest first, filtered and searched; follow `nextCursor` for the next page. Bodies are left out: read one article for them. */
  @Get()
  async list(
    @Query() query: ListArticlesDto,
    @Auth() auth: AuthContext,
  ): Promise<{ items: Array<Omit<ArticleView, 'bodyHtml' | 'bodyText'>>; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    let sourceIds: string[] | undefined;
    if (query.source) {
      const source = await this.sources.findByRef(query.source);
      if (!source) throw new CopydeskException(ErrorCode.UnknownSource, `No source has the id or slug "${query.source}".`);
      this.access.assertSource(auth, source);
      sourceIds = [source.id];
    } else if (auth.sourceIds) {
      sourceIds = [...auth.sourceIds];
    }
    const rows = await this.articles.search({
      q: query.q,
      status: query.status,
      sourceIds,
      language: query.language,
      publishedFrom: query.publishedFrom ? new Date(query.publishedFrom) : undefined,
      publishedTo: query.publishedTo ? new Date(query.publishedTo) : undefined,
      clusterId: query.cluster,
      limit,
      after: decodeCursor(query.cursor),
    });
    const last = rows.length === limit ? rows[rows.length - 1] : null;
    return {
      items: rows.map((row) => {
        const { bodyHtml: _html, bodyText: _text, ...rest } = toArticleView(row);
        return rest;
      }),
      nextCursor: last ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString('base64url') : null,
    };
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The article, its status and its enrichment' })
  async get(@ArticleId() id: string, @Auth() auth: AuthContext): Promise<ArticleView> {
    return toArticleView(await this.access.article(auth, id));
  }

  /** The article's history, oldest first: each revision with what changed, where from, and a word-level diff. */
  @Get(':id/revisions')
  @ApiQuery({ name: 'text', required: false, type: Boolean, description: 'Include each revision body text' })
  async revisions(
    @ArticleId() id: string,
    @Auth() auth: AuthContext,
    @Query('text', new ParseBoolPipe({ optional: true })) text?: boolean,
  ): Promise<{ articleId: string; items: RevisionView[] }> {
    await this.access.article(auth, id);
    return { articleId: id, items: (await this.articles.listRevisions(id)).map((revision) => toRevisionView(revision, text ?? false)) };
  }

  /** Articles this one duplicates or is duplicated by: label (same-article-update, syndicated-copy, rewrite) and similarity. */
  @Get(':id/duplicates')
  async duplicates(
    @ArticleId() id: string,
    @Auth() auth: AuthContext,
  ): Promise<{ articleId: string; items: Array<Record<string, unknown>> }> {
    await this.access.article(auth, id);
    const related = (await this.relations.related(id)).filter((r) => canUseSource(auth, r.sourceId));
    return {
      articleId: id,
      items: related.map((r) => ({
        id: r.id,
        label: r.relation,
        similarity: r.similarity,
        direction: r.direction,
        title: r.title,
        sourceId: r.sourceId,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        status: r.status,
      })),
    };
  }

  /** The story cluster the article belongs to: the other outlets' takes on the same event. 404 while it has none. */
  @Get(':id/cluster')
  async cluster(@ArticleId() id: string, @Auth() auth: AuthContext): Promise<ClusterView> {
    const article = await this.access.article(auth, id);
    const cluster = article.clusterId ? await this.clusters.find(article.clusterId) : null;
    if (!cluster)
      throw new CopydeskException(ErrorCode.NotFound, 'The article is in no story cluster (yet): no related article was found.');
    return toClusterView(
      cluster,
      (await this.clusters.articles(cluster.id)).filter((a) => canUseSource(auth, a.sourceId)),
    );
  }

  /** Withdraws the article everywhere (`article.killed` to subscribers that received it). It stays stored. */
  @Post(':id/kill')
  @Idempotent()
  @RequireScope(ApiScope.Manage)
  @HttpCode(HttpStatus.OK)
  async kill(
    @ArticleId() id: string,
    @Body() dto: KillArticleDto,
    @Auth() auth: AuthContext,
    @Actor() actor: AuditActor,
  ): Promise<ArticleView> {
    await this.access.article(auth, id);
    await this.killer.kill(id, dto.reason ?? 'killed by an editor', actor.correlationId, actor);
    return toArticleView(await this.find(id));
  }

  private async find(id: string): Promise<ArticleEntity> {
    const article = await this.articles.findById(id);
    if (!article) throw new CopydeskException(ErrorCode.ArticleNotFound, `No article has the id ${id}.`);
    return article;
  }
}
