import { ApiScope } from '@copydesk/contracts';
import { type AuditActor, RawItemRepository, type RawItemEntity } from '@copydesk/database';
import { CopydeskException, ErrorCode, RawItemReplayer } from '@copydesk/pipeline';
import { Controller, Get, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, Auth, type AuthContext, canUseSource } from '../common/auth-context';
import { RequireScope } from '../common/scope.decorator';
import { SourceAccess } from '../common/source-access.service';
import { UuidParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ETagged } from '../caching/caching.decorators';

export interface RawItemView {
  id: string;
  sourceId: string;
  articleId: string | null;
  origin: string;
  contentType: string;
  url: string | null;
  externalId: string | null;
  status: string;
  error: string | null;
  attempts: number;
  correlationId: string;
  receivedAt: string;
  processedAt: string | null;
  metadata: Record<string, unknown>;
}

export function toRawItemView(raw: RawItemEntity): RawItemView {
  return {
    id: raw.id,
    sourceId: raw.sourceId,
    articleId: raw.articleId,
    origin: raw.origin,
    contentType: raw.contentType,
    url: raw.url,
    externalId: raw.externalId,
    status: raw.status,
    error: raw.error,
    attempts: raw.attempts,
    correlationId: raw.correlationId,
    receivedAt: raw.receivedAt.toISOString(),
    processedAt: raw.processedAt?.toISOString() ?? null,
    metadata: raw.metadata,
  };
}

/** Every input exactly as received: to audit what a source sent, and to replay it. */
@ApiTags('raw items')
@RequireScope(ApiScope.Read)
@Controller()
export class RawItemsController {
  constructor(
    private readonly rawItems: RawItemRepository,
    private readonly replayer: RawItemReplayer,
    private readonly access: SourceAccess,
  ) {}

  @Get('v1/articles/:id/raw-items')
  async forArticle(@UuidParam('id') id: string, @Auth() auth: AuthContext): Promise<{ articleId: string; items: RawItemView[] }> {
    await this.access.checkArticle(auth, id);
    return { articleId: id, items: (await this.rawItems.listForArticle(id)).map(toRawItemView) };
  }

  @Get('v1/raw-items/:id')
  @ETagged()
  async get(@UuidParam('id') id: string, @Auth() auth: AuthContext): Promise<RawItemView> {
    return toRawItemView(await this.find(id, auth));
  }

  /** The stored bytes, with the content type they arrived with. */
  @Get('v1/raw-items/:id/payload')
  @ETagged()
  async payload(@UuidParam('id') id: string, @Auth() auth: AuthContext, @Res() reply: FastifyReply): Promise<void> {
    const raw = await this.find(id, auth);
    await reply
      .header('content-type', raw.contentType)
      .header('content-disposition', `attachment; filename="raw-${raw.id}"`)
      .send(raw.payload);
  }

  /** Processes the raw item again from its stored bytes (nothing is fetched again). */
  @Post('v1/raw-items/:id/replay')
  @Idempotent()
  @RequireScope(ApiScope.Manage)
  @HttpCode(HttpStatus.ACCEPTED)
  async replay(
    @UuidParam('id') id: string,
    @Auth() auth: AuthContext,
    @Actor() actor: AuditActor,
  ): Promise<{ rawItemId: string; articleId: string; status: string }> {
    await this.find(id, auth);
    return this.replayer.replay(id, actor.correlationId, actor);
  }

  private async find(id: string, auth: AuthContext): Promise<RawItemEntity> {
    const raw = await this.rawItems.findById(id);
    if (!raw || !canUseSource(auth, raw.sourceId)) throw new CopydeskException(ErrorCode.NotFound, `No raw item has the id ${id}.`);
    return raw;
  }
}
