import { QueueName } from '@copydesk/contracts';
import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/public.decorator';
import { AdminAudit } from '../audit/admin-audit';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import type { AdminRequest } from '../auth/admin-request';
import { Needs } from '../auth/dashboard.decorator';
import { JobBrowser } from '../jobs/job-browser.service';
import { OverviewService } from '../overview/overview.service';
import { jobPage, jobsPage } from '../views/jobs.view';
import { page } from '../views/layout.view';
import { AdminFormDto } from './admin-form.dto';
import { AdminPageFilter } from './admin-page.filter';
import { PageContexts } from './page-context.service';
import { redirectTo, sendHtml } from './page-response';

const blankIsUnset = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

export class JobSearchQuery {
  @IsOptional() @Transform(blankIsUnset) @IsIn(['failed', 'stuck']) kind?: 'failed' | 'stuck';
  @IsOptional() @Transform(blankIsUnset) @IsEnum(QueueName) queue?: QueueName;
  @IsOptional() @Transform(blankIsUnset) @IsUUID() article?: string;
  @IsOptional() @Transform(blankIsUnset) @IsString() @MaxLength(64) source?: string;
  @IsOptional() @Transform(blankIsUnset) @IsString() @MaxLength(200) error?: string;
  @IsOptional() @Transform(blankIsUnset) @Matches(LOCAL_TIME, { message: 'from must be a date and time' }) from?: string;
  @IsOptional() @Transform(blankIsUnset) @Matches(LOCAL_TIME, { message: 'to must be a date and time' }) to?: string;
}

export class JobsActionForm extends AdminFormDto {
  @IsIn(['retry', 'discard'])
  action: 'retry' | 'discard';

  // One box ticked arrives as a string, several as a list.
  @Transform(({ value }: { value: unknown }): unknown[] =>
    Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value],
  )
  @IsArray()
  @ArrayMinSize(1, { message: 'select at least one job' })
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  ref: string[];
}

/** The form's times are UTC, like every time the dashboard shows. */
const utc = (local: string | undefined): Date | undefined => (local ? new Date(`${local}Z`) : undefined);

@ApiExcludeController()
@Public()
@UseGuards(AdminAuthGuard)
@UseFilters(AdminPageFilter)
@Controller('admin/jobs')
export class JobsPageController {
  constructor(
    private readonly browser: JobBrowser,
    private readonly overviews: OverviewService,
    private readonly audit: AdminAudit,
    private readonly contexts: PageContexts,
  ) {}

  @Get()
  async list(@Query() query: JobSearchQuery, @Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    const search = { ...query, kind: query.kind ?? 'failed' };
    const rows = await this.browser.list({ ...search, from: utc(query.from), to: utc(query.to) });
    sendHtml(reply, page(ctx, search.kind === 'failed' ? 'Failed jobs' : 'Stuck jobs', jobsPage(ctx, search, rows)));
  }

  @Get(':ref')
  async job(@Param('ref') ref: string, @Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    const job = await this.browser.get(ref);
    sendHtml(reply, page(ctx, `Job ${job.name}`, jobPage(ctx, job)));
  }

  @Needs('act')
  @Post('bulk')
  async bulk(@Body() form: JobsActionForm, @Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const result = form.action === 'retry' ? await this.browser.retry(form.ref) : await this.browser.discard(form.ref);
    await this.audit.record({
      actor: request.auth!,
      correlationId: request.id,
      action: form.action === 'retry' ? 'job.retry' : 'job.discard',
      target: form.ref.join(' '),
      details: result,
    });
    this.overviews.invalidate();
    const verb = form.action === 'retry' ? 'retried' : 'discarded';
    await this.contexts.flash(
      request,
      `${result.done} ${result.done === 1 ? 'job' : 'jobs'} ${verb}.${result.refused.length ? ` Left as they were: ${result.refused.join('; ')}` : ''}`,
    );
    redirectTo(reply, '/admin/jobs');
  }
}
