import { RawItemOrigin } from '@copydesk/contracts';
import { ArticleRepository, RelationRepository, type ArticleEntity } from '@copydesk/database';
import { canonicalizeUrl } from '@copydesk/normalize';
import { ArticleKiller, CopydeskException, ErrorCode, IngestReceiver } from '@copydesk/pipeline';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseBoolPipe, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Auth, type AuthContext, CorrelationId } from '../common/auth-context';
import { ArticleReceiptDto, KillArticleDto, PushArticleDto } from './dto/push-article.dto';
import { type ArticleView, toArticleView } from './article.view';
import { type RevisionView, toRevisionView } from './revision.view';

const ArticleId = (): ParameterDecorator => Param('id', new ParseUUIDPipe({ version: '4' }));

@ApiTags('articles')
@ApiBearerAuth()
@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly receiver: IngestReceiver,
    private readonly articles: ArticleRepository,
    private readonly relations: RelationRepository,
    private readonly killer: ArticleKiller,
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
      throw new CopydeskException(ErrorCode.ArticleNotFound, `Nothing to withdraw: source "${source.slug}" has no article "${externalId ?? ''}".`);
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

  @Get(':id')
  @ApiOkResponse({ description: 'The article, its status and its enrichment' })
  async get(@ArticleId() id: string): Promise<ArticleView> {
    return toArticleView(await this.find(id));
  }

  /** The article's history, oldest first: each revision with what changed, where from, and a word-level diff. */
  @Get(':id/revisions')
  @ApiQuery({ name: 'text', required: false, type: Boolean, description: 'Include each revision body text' })
  async revisions(@ArticleId() id: string, @Query('text', new ParseBoolPipe({ optional: true })) text?: boolean): Promise<{ articleId: string; items: RevisionView[] }> {
    await this.find(id);
    return { articleId: id, items: (await this.articles.listRevisions(id)).map((revision) => toRevisionView(revision, text ?? false)) };
  }

  /** Articles this one duplicates or is duplicated by: label (same-article-update, syndicated-copy, rewrite) and similarity. */
  @Get(':id/duplicates')
  async duplicates(@ArticleId() id: string): Promise<{ articleId: string; items: Array<Record<string, unknown>> }> {
    await this.find(id);
    const related = await this.relations.related(id);
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

  /** Withdraws the article everywhere (`article.killed` to subscribers that received it). It stays stored. */
  @Post(':id/kill')
  @HttpCode(HttpStatus.OK)
  async kill(@ArticleId() id: string, @Body() dto: KillArticleDto, @CorrelationId() correlationId: string): Promise<ArticleView> {
    await this.killer.kill(id, dto.reason ?? 'killed by an editor', correlationId);
    return toArticleView(await this.find(id));
  }

  private async find(id: string): Promise<ArticleEntity> {
    const article = await this.articles.findById(id);
    if (!article) throw new CopydeskException(ErrorCode.ArticleNotFound, `No article has the id ${id}.`);
    return article;
  }
}
