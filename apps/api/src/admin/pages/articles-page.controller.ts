import { ArticleStatus } from '@copydesk/contracts';
import { ArticleRepository, SourceRepository } from '@copydesk/database';
import { ArticleKiller, CopydeskException, ErrorCode, ReEnrichScheduler } from '@copydesk/pipeline';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/public.decorator';
import { ArticleDetails } from '../articles/article-detail.service';
import { AdminAudit } from '../audit/admin-audit';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import type { AdminRequest } from '../auth/admin-request';
import { Needs } from '../auth/dashboard.decorator';
import { articlePage, articlesPage, rawItemPage } from '../views/articles.view';
import { page } from '../views/layout.view';
import { AdminFormDto } from './admin-form.dto';
import { AdminPageFilter } from './admin-page.filter';
import { PageContexts } from './page-context.service';
import { redirectTo, sendHtml } from './page-response';

const blankIsUnset = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);
const DAY = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;
const PAGE_SIZE = 50;

/** The article search form; an empty field means "any". */
export class ArticleSearchQuery {
  @IsOptional() @Transform(blankIsUnset) @IsString() @MaxLength(500) q?: string;
  @IsOptional() @Transform(blankIsUnset) @IsEnum(ArticleStatus) status?: ArticleStatus;
  @IsOptional() @Transform(blankIsUnset) @IsString() @MaxLength(64) source?: string;
  @IsOptional()
  @Transform(blankIsUnset)
  @Matches(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, { message: 'language must be a BCP 47 tag' })
  language?: string;
  @IsOptional() @Transform(blankIsUnset) @Matches(DAY, { message: 'publishedFrom must be a date' }) publishedFrom?: string;
  @IsOptional() @Transform(blankIsUnset) @Matches(DAY, { message: 'publishedTo must be a date' }) publishedTo?: string;
  @IsOptional() @Transform(blankIsUnset) @IsString() @MaxLength(200) cursor?: string;
}

export class ReasonForm extends AdminFormDto {
  @IsString()
  @MinLength(1, { message: 'give a reason' })
  @MaxLength(500)
  reason: string;
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (Number.isNaN(date.getTime()) || typeof id !== 'string') throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw new CopydeskException(ErrorCode.ValidationFailed, 'cursor is not one this page gave out.');
  }
}

@ApiExcludeController()
@Public()
@UseGuards(AdminAuthGuard)
@UseFilters(AdminPageFilter)
@Controller('admin')
export class ArticlesPageController {
  constructor(
    private readonly articles: ArticleRepository,
    private readonly sources: SourceRepository,
    private readonly details: ArticleDetails,
    private readonly killer: ArticleKiller,
    private readonly reEnrich: ReEnrichScheduler,
    private readonly audit: AdminAudit,
    private readonly contexts: PageContexts,
  ) {}

  @Get('articles')
  async list(@Query() filters: ArticleSearchQuery, @Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    const sources = await this.sources.list();
    const source = filters.source ? sources.find((s) => s.slug === filters.source || s.id === filters.source) : undefined;
    if (filters.source && !source) throw new CopydeskException(ErrorCode.UnknownSource, `No source has the slug "${filters.source}".`);
    const rows = await this.articles.search({
      q: filters.q,
      status: filters.status,
      sourceIds: source ? [source.id] : undefined,
      language: filters.language,
      publishedFrom: filters.publishedFrom ? new Date(filters.publishedFrom) : undefined,
      publishedTo: filters.publishedTo ? new Date(filters.publishedTo) : undefined,
      limit: PAGE_SIZE,
      after: decodeCursor(filters.cursor),
    });
    const last = rows.length === PAGE_SIZE ? rows[rows.length - 1] : null;
    const next = last ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString('base64url') : null;
    const { cursor: _cursor, ...kept } = filters;
    const content = articlesPage(kept, sources, rows, next, new Map(sources.map((s) => [s.id, s.slug])));
    sendHtml(reply, page(ctx, 'Articles', content));
  }

  @Get('articles/:id')
  async article(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    const detail = await this.details.read(id);
    sendHtml(reply, page(ctx, detail.article.title ?? 'Untitled article', articlePage(ctx, detail)));
  }

  @Get('raw-items/:id')
  async rawItem(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    sendHtml(reply, page(ctx, 'Raw input', rawItemPage(await this.details.raw(id))));
  }

  /** Withdraws the article everywhere, with the operator's reason (kept on the article and in the audit log). */
  @Needs('act')
  @Post('articles/:id/kill')
  async kill(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: ReasonForm,
    @Req() request: AdminRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { killed } = await this.killer.kill(id, form.reason, request.id);
    await this.audit.record({
      actor: request.auth!,
      correlationId: request.id,
      action: 'article.kill',
      target: id,
      reason: form.reason,
      details: { killed },
    });
    await this.contexts.flash(
      request,
      killed ? 'Article killed: subscribers that received it are told.' : 'The article was killed already.',
    );
    redirectTo(reply, `/admin/articles/${id}`);
  }

  @Needs('act')
  @Post('articles/:id/re-enrich')
  async reEnrichOne(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: ReasonForm,
    @Req() request: AdminRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const queued = await this.reEnrich.reEnrichOne(id, request.id);
    await this.audit.record({
      actor: request.auth!,
      correlationId: request.id,
      action: 'article.re-enrich',
      target: id,
      reason: form.reason,
      details: { revision: queued.revision },
    });
    await this.contexts.flash(request, `Enrichment of revision ${queued.revision} queued again.`);
    redirectTo(reply, `/admin/articles/${id}`);
  }
}
