import { ApiScope, AuditAction, jobId } from '@copydesk/contracts';
import { type AuditActor, AuditLogRepository } from '@copydesk/database';
import { EditorialCorrector, ReEnrichScheduler } from '@copydesk/pipeline';
import { Body, Controller, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor, Auth, type AuthContext } from '../common/auth-context';
import { type CorrectionView, CorrectionView as CorrectionViewDto, toCorrectionView } from './correction.view';
import { ArticleReEnrichReceiptDto } from './dto/re-enrich.dto';
import { EntityCorrectionDto } from './dto/entity-correction.dto';
import { TopicCorrectionDto } from './dto/topic-correction.dto';
import { RequireScope } from '../common/scope.decorator';
import { SourceAccess } from '../common/source-access.service';
import { UuidParam } from '../common/uuid-param';
import { Idempotent } from '../idempotency/idempotent.decorator';

const ArticleId = (): ParameterDecorator => UuidParam('id');

/** Enrichment of one article: run it again, or correct its topics and entities as an editor. */
@ApiTags('enrichment')
@RequireScope(ApiScope.Manage)
@ApiNotFoundResponse({ description: 'article-not-found' })
@ApiConflictResponse({ description: 'article-killed: killed articles are not enriched, corrected or published again' })
@Controller('v1/articles')
export class ArticleEnrichmentController {
  constructor(
    private readonly reEnrich: ReEnrichScheduler,
    private readonly corrector: EditorialCorrector,
    private readonly access: SourceAccess,
    private readonly audit: AuditLogRepository,
  ) {}

  /**
   * Enriches the article's current revision again (with the worker's enricher and topic model, editors'
   * corrections merged in). A published article goes out again as `article.updated` only when its topics,
   * entities, content type or language changed; otherwise the new enrichment is just stored.
   */
  @Post(':id/enrich')
  @Idempotent()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: ArticleReEnrichReceiptDto })
  async enrich(@ArticleId() id: string, @Auth() auth: AuthContext, @Actor() actor: AuditActor): Promise<ArticleReEnrichReceiptDto> {
    await this.access.checkArticle(auth, id);
    const receipt = await this.reEnrich.reEnrichOne(id, actor.correlationId);
    // Nothing changes in PostgreSQL yet (a job is queued): the request itself is what is recorded.
    await this.audit.record(actor, {
      action: AuditAction.ArticleReEnrichRequested,
      targetType: 'article',
      targetId: id,
      details: { revision: receipt.revision },
    });
    return { ...receipt, status: 'queued', jobId: jobId('re-enrich', id, receipt.revision, receipt.requestId) };
  }

  /**
   * An editor's topics for the article, most important first: they replace the machine's now and on every later
   * enrichment (source `editor`, confidence 1, ancestors from the scheme), become training data, and a published
   * article goes out again as `article.updated`.
   */
  @Put(':id/topics')
  @ApiOkResponse({ type: CorrectionViewDto })
  @ApiUnprocessableEntityResponse({ description: 'unknown-topic: a qcode that is not an active IPTC Media Topic' })
  async correctTopics(
    @ArticleId() id: string,
    @Body() dto: TopicCorrectionDto,
    @Auth() auth: AuthContext,
    @Actor() actor: AuditActor,
  ): Promise<CorrectionView> {
    await this.access.checkArticle(auth, id);
    return toCorrectionView(await this.corrector.correctTopics(id, dto.topics, { apiKeyId: auth.keyId, actor }, actor.correlationId));
  }

  /** An editor's people, organisations and places: each kind given replaces the machine's, now and later. */
  @Put(':id/entities')
  @ApiOkResponse({ type: CorrectionViewDto })
  async correctEntities(
    @ArticleId() id: string,
    @Body() dto: EntityCorrectionDto,
    @Auth() auth: AuthContext,
    @Actor() actor: AuditActor,
  ): Promise<CorrectionView> {
    await this.access.checkArticle(auth, id);
    return toCorrectionView(
      await this.corrector.correctEntities(
        id,
        { people: dto.people, organisations: dto.organisations, places: dto.places },
        { apiKeyId: auth.keyId, actor },
        actor.correlationId,
      ),
    );
  }
}
