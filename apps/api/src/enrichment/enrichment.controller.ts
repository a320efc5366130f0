import { ApiScope, AuditAction, jobId } from '@copydesk/contracts';
import { type AuditActor, AuditLogRepository } from '@copydesk/database';
import { ReEnrichScheduler, TrainingDataExporter } from '@copydesk/pipeline';
import { Body, Controller, Get, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { Actor } from '../common/auth-context';
import { AllSources, RequireScope } from '../common/scope.decorator';
import { ReEnrichDto, ReEnrichReceiptDto } from './dto/re-enrich.dto';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('enrichment')
@AllSources()
@Controller('v1/enrichment')
export class EnrichmentController {
  constructor(
    private readonly reEnrich: ReEnrichScheduler,
    private readonly training: TrainingDataExporter,
    private readonly audit: AuditLogRepository,
  ) {}

  /**
   * Enriches again every article the filter covers (e.g. `{"enricherVersionNot": "current"}` after an upgrade,
   * `{"schemeVersionNot": "current"}` after a new IPTC release), up to `limit`. Answers at once with how many that
   * is; the worker queues them page by page, behind fresh copy. Same publishing rule as for one article.
   */
  @Post('re-enrich')
  @Idempotent()
  @RequireScope(ApiScope.Admin)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiAcceptedResponse({ type: ReEnrichReceiptDto })
  async reEnrichMatching(@Body() dto: ReEnrichDto, @Actor() actor: AuditActor): Promise<ReEnrichReceiptDto> {
    const { requestId, matched, limit, filter } = await this.reEnrich.reEnrichMatching(dto, actor.correlationId);
    // The page jobs change nothing in PostgreSQL yet: the request itself is what is recorded.
    await this.audit.record(actor, {
      action: AuditAction.BulkReEnrichRequested,
      targetType: 'enrichment',
      targetId: requestId,
      details: { matched, limit, filter },
    });
    return { requestId, matched, limit, status: 'queued', jobId: matched > 0 ? jobId('re-enrich-page', requestId, 0) : null };
  }

  /**
   * Articles whose topics editors confirmed, as JSON Lines `{"id", "text", "topics"}`, streamed: the input of
   * `npm run train:topics -- --data <file>` to retrain the topic model on the newsroom's own archive.
   */
  @Get('training-data')
  @RequireScope(ApiScope.Read)
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: 'One line per article: {"id": uuid, "text": "title\\n\\nbody", "topics": ["medtop:…"]}',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  async trainingData(@Res() reply: FastifyReply): Promise<void> {
    await reply
      .header('content-type', 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', 'attachment; filename="copydesk-topics.jsonl"')
      .send(Readable.from(this.training.lines()));
  }
}
