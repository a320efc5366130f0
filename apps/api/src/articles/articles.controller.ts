import { AppConfig } from '@copydesk/config';
import { ApiKeyRole, RawItemOrigin } from '@copydesk/contracts';
import { ArticleRepository, ClusterRepository, RelationRepository, SourceRepository, type ArticleEntity } from '@copydesk/database';
import { canonicalizeUrl } from '@copydesk/normalize';
import { ArticleKiller, ArticleTakedown, CopydeskException, ErrorCode, IngestReceiver, type TakedownReport } from '@copydesk/pipeline';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseBoolPipe, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Auth, type AuthContext, CorrelationId } from '../common/auth-context';
import { requireRole } from '../enrichment/role';
import { ListArticlesDto } from './dto/list-articles.dto';
import { ArticleReceiptDto, KillArticleDto, PushArticleDto } from './dto/push-article.dto';
import { type ArticleView, toArticleView } from './article.view';
import { type ClusterView, toClusterView } from './cluster.view';
import { type RevisionView, toRevisionView } from './revision.view';

const ArticleId = (): ParameterDecorator => Param('id', new ParseUUIDPipe({ version: '4' }));

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
@ApiBearerAuth()
@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly receiver: IngestReceiver,
    private readonly articles: ArticleRepository,
    private readonly relations: RelationRepository,
    private readonly killer: ArticleKiller,
    private readonly clusters: ClusterRepository,
    private readonly sources: SourceRepository,
    private readonly takedown: ArticleTakedown,
    private readonly config: AppConfig,
  ) {}

  /**
   * Accepts an article from a CMS. Answers 202 only once the raw push is committed; the id is the article's, so the
   * caller can follow it at once. The same `externalId` again updates that article.
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: ArticleReceiptDto })
  async push(
    @Body() dto: PushArticleDto,
    @Req() request: FastifyRequest & { rawBody?: Buffer },
    @Auth() auth: AuthContext,
    @CorrelationId() correlationId: string,
  ): Promise<ArticleReceiptDto> {
    const source = await this.receiver.resolveSource(dto.source, auth.defaultSourceId);
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
  ): Promise<{ items: Array<Omit<ArticleView, 'bodyHtml' | 'bodyText'>>; nextCursor: string | null }> {
    const limit = query.limit ?? 50;
    let sourceIds: string[] | undefined;
    if (query.source) {
      const source = await this.sources.findByRef(query.source);
      if (!source) throw new CopydeskException(ErrorCode.UnknownSource, `No source has the id or slug "${query.source}".`);
      sourceIds = [source.id];
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
  async get(@ArticleId() id: string): Promise<ArticleView> {
    return toArticleView(await this.find(id));
  }

  /** The article's history, oldest first: each revision with what changed, where from, and a word-level diff. */
  @Get(':id/revisions')
  @ApiQuery({ name: 'text', required: false, type: Boolean, description: 'Include each revision body text' })
  async revisions(
    @ArticleId() id: string,
    @Query('text', new ParseBoolPipe({ optional: true })) text?: boolean,
  ): Promise<{ articleId: string; items: RevisionView[] }> {
    await this.find(id);
    return { articleId: id, items: (await this.articles.listRevisions(id)).map((revision) => toRevisionView(revision, text ?? false)) };
  }

  /**
   * Articles this one duplicates or is duplicated by: label (same-article-update, syndicated-copy, rewrite) and
   * similarity; the RELATIONS_PER_ARTICLE most similar.
   */
  @Get(':id/duplicates')
  async duplicates(@ArticleId() id: string): Promise<{ articleId: string; items: Array<Record<string, unknown>> }> {
    await this.find(id);
    const related = await this.relations.related(id, this.config.get('RELATIONS_PER_ARTICLE'));
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
  async cluster(@ArticleId() id: string): Promise<ClusterView> {
    const article = await this.find(id);
    const cluster = article.clusterId ? await this.clusters.find(article.clusterId) : null;
    if (!cluster)
      throw new CopydeskException(ErrorCode.NotFound, 'The article is in no story cluster (yet): no related article was found.');
    return toClusterView(cluster, await this.clusters.articles(cluster.id));
  }

  /** Withdraws the article everywhere (`article.killed` to subscribers that received it). It stays stored. */
  @Post(':id/kill')
  @HttpCode(HttpStatus.OK)
  async kill(@ArticleId() id: string, @Body() dto: KillArticleDto, @CorrelationId() correlationId: string): Promise<ArticleView> {
    await this.killer.kill(id, dto.reason ?? 'killed by an editor', correlationId);
    return toArticleView(await this.find(id));
  }

  /**
   * Takes an article down for good (admin keys only): its revisions, raw inputs, relations and deliveries are
   * deleted, the subscribers that may hold it get `article.killed`, and an audit record keeps who, when and why
   * (`reason`, in the query or a JSON body) without the content. Needs `hard=true`: to withdraw an article and keep
   * it, POST /v1/articles/:id/kill.
   */
  @Delete(':id')
  @HttpCode(HttpStatus.OK)
  @ApiQuery({ name: 'hard', required: true, type: Boolean, description: 'Must be true: the article is deleted, not withdrawn' })
  @ApiQuery({
    name: 'reason',
    required: false,
    type: String,
    description: 'Why (or give {"reason"} in a JSON body); kept in the audit record',
  })
  async takeDown(
    @ArticleId() id: string,
    @Query('hard') hard: string | undefined,
    @Query('reason') reasonInQuery: string | undefined,
    @Req() request: FastifyRequest,
    @Auth() auth: AuthContext,
    @CorrelationId() correlationId: string,
  ): Promise<TakedownReport> {
    requireRole(auth, [ApiKeyRole.Admin], 'take articles down');
    if (hard !== 'true') {
      throw new CopydeskException(
        ErrorCode.ValidationFailed,
        'DELETE removes an article and all its content for good and needs hard=true; to withdraw it and keep it, POST /v1/articles/:id/kill.',
        { errors: [{ pointer: '/hard', detail: 'must be true' }] },
      );
    }
    const body = request.body as { reason?: unknown } | undefined;
    const reason = typeof reasonInQuery === 'string' ? reasonInQuery : body?.reason;
    if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 1000 || reason.includes('\u0000')) {
      throw new CopydeskException(
        ErrorCode.ValidationFailed,
        'A takedown needs a reason: 1 to 1000 characters, in the query or a JSON body.',
        {
          errors: [{ pointer: '/reason', detail: 'required, 1 to 1000 characters' }],
        },
      );
    }
    return this.takedown.takeDown(id, reason.trim(), { apiKeyId: auth.keyId }, correlationId);
  }

  private async find(id: string): Promise<ArticleEntity> {
    const article = await this.articles.findById(id);
    if (!article) throw new CopydeskException(ErrorCode.ArticleNotFound, `No article has the id ${id}.`);
    return article;
  }
}
