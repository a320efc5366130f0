import { ApiScope, RawItemOrigin, jobId } from '@copydesk/contracts';
import type { AuditActor } from '@copydesk/database';
import { ArticleKiller, ArticleTakedown, IngestReceiver, WIRE_CONTENT_TYPES, isWireContentType, wireInputs } from '@copydesk/pipeline';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiQuery,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ETagged } from '../caching/caching.decorators';
import { Actor, Auth, type AuthContext, CorrelationId } from '../common/auth-context';
import { ApiProblems } from '../common/problem.view';
import { RequireScope } from '../common/scope.decorator';
import { SourceAccess } from '../common/source-access.service';
import { IdParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ArticleReader, assertTakedownRequest, NINJS_MEDIA_TYPE, wantsNinjs } from './article-reader.service';
import { ArticleSearch } from './article-search.service';
import { ArticleListView, ArticleView, toArticleView } from './article.view';
import { TakedownView } from './takedown.view';
import { ListArticlesDto } from './dto/list-articles.dto';
import { ArticleReceiptDto, KillArticleDto, PushArticleDto } from './dto/push-article.dto';
import { createValidationPipe } from '../common/validation';

/** The push route reads its body by media type, so the JSON push is validated here rather than by the global pipe. */
const PUSH_VALIDATION = createValidationPipe();
/** What Fastify writes for a body it serialises itself, for the one passed through as JSON text. */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

@ApiTags('articles')
@RequireScope(ApiScope.Read)
@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly receiver: IngestReceiver,
    private readonly reader: ArticleReader,
    private readonly killer: ArticleKiller,
    private readonly access: SourceAccess,
    private readonly search: ArticleSearch,
    private readonly takedown: ArticleTakedown,
  ) {}

  /**
   * Accepts an article from a CMS. Answers 202 only once the raw push is committed; the id is the article's, so the
   * caller can follow it at once. The same `externalId` again updates that article.
   */
  @Post()
  @Idempotent()
  @RequireScope(ApiScope.Ingest)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiConsumes('application/json', ...WIRE_CONTENT_TYPES)
  @ApiBody({ type: PushArticleDto, description: 'A JSON push; or agency wire copy (NewsML-G2, NITF, ninjs) by its media type' })
  @ApiQuery({ name: 'source', required: false, description: 'Wire copy only: the slug of the source it comes from' })
  @ApiAcceptedResponse({ type: ArticleReceiptDto })
  @ApiProblems(404, 415)
  async push(
    @Body() body: unknown,
    @Req() request: FastifyRequest & { rawBody?: Buffer },
    @Auth() auth: AuthContext,
    @CorrelationId() correlationId: string,
  ): Promise<ArticleReceiptDto> {
    if (isWireContentType(request.headers['content-type'])) return this.pushWire(request, auth, correlationId);
    const dto = (await PUSH_VALIDATION.transform(body, { type: 'body', metatype: PushArticleDto })) as PushArticleDto;
    const source = await this.receiver.resolveSource(dto.source, SourceAccess.defaultSourceId(auth));
    this.access.assertSource(auth, source);
    const externalId = await this.reader.pushedExternalId(source, dto);
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
    return { id: receipt.id, status: receipt.status, jobId: jobId('raw', receipt.rawItemId) };
  }

  /** Agency wire copy pushed into the source the key names: one article per text item, keyed by the agency's guid. */
  private async pushWire(
    request: FastifyRequest & { rawBody?: Buffer },
    auth: AuthContext,
    correlationId: string,
  ): Promise<ArticleReceiptDto> {
    const query = request.query as { source?: string };
    const source = await this.receiver.resolveSource(query.source, SourceAccess.defaultSourceId(auth));
    this.access.assertSource(auth, source);
    const inputs = wireInputs(request.rawBody ?? Buffer.alloc(0), request.headers['content-type'] as string, { apiKeyId: auth.keyId });
    const receipts = (await this.receiver.receiveMany(source, inputs, correlationId)).map((r) => ({
      id: r.id,
      status: r.status,
      jobId: jobId('raw', r.rawItemId),
    }));
    return { ...receipts[0], ...(receipts.length > 1 ? { items: receipts } : {}) };
  }

  /**
   * Lists and searches. Without q: newest first. With q: best match first (sort=relevance, the default) with the
   * matching passages highlighted, or newest first (sort=newest). Follow `nextCursor` for the next page: pages are
   * keyset pages, stable while articles arrive. Bodies are left out: read one article for them.
   */
  @Get()
  @ApiOkResponse({ type: ArticleListView })
  @ApiProblems(422)
  async list(@Query() query: ListArticlesDto, @Auth() auth: AuthContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const json = await this.search.list(query, auth);
    void reply.header('content-type', JSON_CONTENT_TYPE);
    return json;
  }

  /** The article with its enrichment; as IPTC ninjs 3.1 with `format=ninjs` or `Accept: application/ninjs+json`. */
  @Get(':id')
  @ETagged()
  @ApiQuery({ name: 'format', required: false, enum: ['native', 'ninjs'], description: 'ninjs: the article as IPTC ninjs 3.1' })
  @ApiExtraModels(ArticleView)
  @ApiResponse({
    status: 200,
    description: 'The article, its status and its enrichment',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ArticleView) } },
      [NINJS_MEDIA_TYPE]: {
        schema: { type: 'object', additionalProperties: true, description: 'IPTC ninjs 3.1 (https://www.iptc.org/std/ninjs/)' },
      },
    },
  })
  @ApiProblems(404, 409)
  async get(
    @IdParam() id: string,
    @Query('format') format: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Auth() auth: AuthContext,
  ): Promise<string | Record<string, unknown>> {
    if (!wantsNinjs(format, request.headers.accept)) {
      // The body as PostgreSQL wrote it (the ArticleView's JSON): no row to parse, no object to serialise again.
      const json = await this.access.articleJson(auth, id);
      void reply.header('vary', 'Accept').header('content-type', JSON_CONTENT_TYPE);
      return json;
    }
    const article = await this.access.article(auth, id);
    void reply.header('vary', 'Accept');
    const document = await this.reader.ninjs(article);
    void reply.header('content-type', `${NINJS_MEDIA_TYPE}; charset=utf-8`);
    return document as unknown as Record<string, unknown>;
  }

  /** Withdraws the article everywhere (`article.killed` to subscribers that received it). It stays stored. */
  @Post(':id/kill')
  @Idempotent()
  @RequireScope(ApiScope.Manage)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ArticleView })
  @ApiProblems(404)
  async kill(
    @IdParam() id: string,
    @Body() dto: KillArticleDto,
    @Auth() auth: AuthContext,
    @Actor() actor: AuditActor,
  ): Promise<ArticleView> {
    await this.access.article(auth, id);
    await this.killer.kill(id, dto.reason ?? 'killed by an editor', actor.correlationId, actor);
    return toArticleView(await this.access.article(auth, id));
  }

  /**
   * Takes an article down for good: its revisions, raw inputs, relations and deliveries are deleted, the subscribers
   * that may hold it get `article.killed`, and the audit log keeps who, when and why (`reason`) without the content.
   * Needs `hard=true`: to withdraw an article and keep it, POST /v1/articles/:id/kill.
   */
  @Delete(':id')
  @RequireScope(ApiScope.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiQuery({ name: 'hard', required: true, enum: ['true'], description: 'Must be true: the article is deleted, not withdrawn' })
  @ApiQuery({ name: 'reason', required: true, type: String, minLength: 1, maxLength: 1000, description: 'Why; kept in the audit log' })
  @ApiOkResponse({ type: TakedownView })
  @ApiProblems(404, 422)
  async takeDown(
    @IdParam() id: string,
    @Query('hard') hard: string | undefined,
    @Query('reason') reason: string | undefined,
    @Auth() auth: AuthContext,
    @Actor() actor: AuditActor,
  ): Promise<TakedownView> {
    assertTakedownRequest(hard, reason);
    await this.access.article(auth, id);
    return this.takedown.takeDown(id, reason, actor);
  }
}
