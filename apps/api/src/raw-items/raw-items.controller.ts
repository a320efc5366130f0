import { ApiScope, jobId } from '@copydesk/contracts';
import { type AuditActor, RawItemRepository, type RawItemEntity } from '@copydesk/database';
import { CopydeskException, ErrorCode, RawItemReplayer } from '@copydesk/pipeline';
import { Controller, Get, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/problem.view';
import { RawItemListView, RawItemReplayView, RawItemView, toRawItemView } from './raw-item.view';
import type { FastifyReply } from 'fastify';
import { Actor, Auth, type AuthContext, canUseSource } from '../common/auth-context';
import { RequireScope } from '../common/scope.decorator';
import { SourceAccess } from '../common/source-access.service';
import { IdParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ETagged } from '../caching/caching.decorators';

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
  @ApiOkResponse({ type: RawItemListView })
  @ApiProblems(404)
  async forArticle(@IdParam() id: string, @Auth() auth: AuthContext): Promise<RawItemListView> {
    await this.access.checkArticle(auth, id);
    return { articleId: id, items: (await this.rawItems.listForArticle(id)).map(toRawItemView) };
  }

  @Get('v1/raw-items/:id')
  @ETagged()
  @ApiOkResponse({ type: RawItemView })
  @ApiProblems(404)
  async get(@IdParam() id: string, @Auth() auth: AuthContext): Promise<RawItemView> {
    return toRawItemView(await this.find(id, auth));
  }

  /** The stored bytes, with the content type they arrived with. */
  @Get('v1/raw-items/:id/payload')
  @ETagged()
  @ApiProduces('*/*')
  @ApiOkResponse({
    description: 'The bytes as received, with their content type',
    content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(404)
  async payload(@IdParam() id: string, @Auth() auth: AuthContext, @Res() reply: FastifyReply): Promise<void> {
    const raw = await this.find(id, auth);
    await reply
      .header('content-type', raw.contentType)
      .header('content-disposition', `attachment; filename="raw-${raw.id}"`)
      .send(raw.payload);
  }

  /** Processes the raw item again from its stored bytes (nothing is fetched again). */
  @Post('v1/raw-items/:id/replay')
  @ApiAcceptedResponse({ type: RawItemReplayView })
  @ApiProblems(404, 409)
  @Idempotent()
  @RequireScope(ApiScope.Manage)
  @HttpCode(HttpStatus.ACCEPTED)
  async replay(@IdParam() id: string, @Auth() auth: AuthContext, @Actor() actor: AuditActor): Promise<RawItemReplayView> {
    await this.find(id, auth);
    const replay = await this.replayer.replay(id, actor.correlationId, actor);
    return { ...replay, jobId: jobId('raw', replay.rawItemId, 'replay', actor.correlationId) };
  }

  private async find(id: string, auth: AuthContext): Promise<RawItemEntity> {
    const raw = await this.rawItems.findById(id);
    if (!raw || !canUseSource(auth, raw.sourceId)) throw new CopydeskException(ErrorCode.NotFound, `No raw item has the id ${id}.`);
    return raw;
  }
}
