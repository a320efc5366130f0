import { RawItemOrigin } from '@copydesk/contracts';
import { ArticleRepository } from '@copydesk/database';
import { CopydeskException, ErrorCode, IngestReceiver } from '@copydesk/pipeline';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Auth, type AuthContext, CorrelationId } from '../common/auth-context';
import { ArticleReceiptDto, PushArticleDto } from './dto/push-article.dto';
import { type ArticleView, toArticleView } from './article.view';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('v1/articles')
export class ArticlesController {
  constructor(
    private readonly receiver: IngestReceiver,
    private readonly articles: ArticleRepository,
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
    const receipt = await this.receiver.receive(
      source,
      {
        origin: RawItemOrigin.Api,
        // The bytes as sent, so a replay sees exactly what the CMS sent.
        payload: request.rawBody ?? Buffer.from(JSON.stringify(dto)),
        contentType: 'application/json',
        externalId: dto.externalId ?? null,
        url: dto.url ?? null,
        metadata: { apiKeyId: auth.keyId },
      },
      correlationId,
    );
    return { id: receipt.id, status: receipt.status };
  }

  @Get(':id')
  @ApiOkResponse({ description: 'The article, its status and its enrichment' })
  async get(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<ArticleView> {
    const article = await this.articles.findById(id);
    if (!article) throw new CopydeskException(ErrorCode.ArticleNotFound, `No article has the id ${id}.`);
    return toArticleView(article);
  }
}
