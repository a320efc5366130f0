import { SourceRepository, DashboardRepository, type SourceEntity } from '@copydesk/database';
import { CopydeskException, ErrorCode, PollScheduler, SourceAdmin } from '@copydesk/pipeline';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/public.decorator';
import { toSourceView } from '../../sources/source.view';
import { AdminAudit } from '../audit/admin-audit';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import type { AdminRequest } from '../auth/admin-request';
import { Needs } from '../auth/dashboard.decorator';
import { OverviewService } from '../overview/overview.service';
import { page } from '../views/layout.view';
import { sourcePage, sourcesPage } from '../views/sources.view';
import { AdminFormDto } from './admin-form.dto';
import { AdminPageFilter } from './admin-page.filter';
import { PageContexts } from './page-context.service';
import { redirectTo, sendHtml } from './page-response';

const HOURS = 48;
const HOUR = 3600;
const toInt = ({ value }: { value: unknown }): unknown =>
  value === '' || value === undefined ? undefined : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class PolitenessForm extends AdminFormDto {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000) minIntervalMs?: number;
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(64) concurrency?: number;
}

@ApiExcludeController()
@Public()
@UseGuards(AdminAuthGuard)
@UseFilters(AdminPageFilter)
@Controller('admin/sources')
export class SourcesPageController {
  constructor(
    private readonly sources: SourceRepository,
    private readonly dashboard: DashboardRepository,
    private readonly admin: SourceAdmin,
    private readonly scheduler: PollScheduler,
    private readonly overviews: OverviewService,
    private readonly audit: AdminAudit,
    private readonly contexts: PageContexts,
  ) {}

  @Get()
  async list(@Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    const views = (await this.sources.list()).map((s) => toSourceView(s, false));
    sendHtml(reply, page(ctx, 'Sources', sourcesPage(views)));
  }

  @Get(':id')
  async source(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    const source = await this.find(id);
    const since = Math.floor(Date.now() / 1000 / HOUR) * HOUR - (HOURS - 1) * HOUR;
    const buckets = await this.dashboard.sourceActivity(id, new Date(since * 1000), HOUR);
    sendHtml(
      reply,
      page(
        ctx,
        `Source ${source.slug}`,
        sourcePage(ctx, toSourceView(source, false), { buckets, since, bucketSeconds: HOUR, hours: HOURS }),
      ),
    );
  }

  @Needs('act')
  @Post(':id/:action')
  async act(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('action') action: string,
    @Body() form: PolitenessForm,
    @Req() request: AdminRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const source = await this.find(id);
    let message: string;
    if (action === 'pause' || action === 'resume') {
      await this.admin.update(source, { active: action === 'resume' });
      message = `Source ${source.slug} ${action === 'pause' ? 'paused' : 'resumed'}.`;
    } else if (action === 'poll') {
      if (!PollScheduler.isPolled(source.type)) throw new CopydeskException(ErrorCode.Conflict, `A ${source.type} source is not polled.`);
      await this.scheduler.pollNow(source.id, request.id);
      message = `Poll of ${source.slug} queued.`;
    } else if (action === 'politeness') {
      const politeness = { minIntervalMs: form.minIntervalMs, concurrency: form.concurrency };
      await this.admin.update(source, {
        politeness: politeness.minIntervalMs === undefined && politeness.concurrency === undefined ? null : politeness,
      });
      message = `Politeness of ${source.slug} saved.`;
    } else {
      throw new CopydeskException(ErrorCode.NotFound, `Sources have no action "${action}".`);
    }
    await this.audit.record({
      actor: request.auth!,
      correlationId: request.id,
      action: 'source.change',
      target: source.id,
      details: { change: action, ...form, _csrf: undefined },
    });
    this.overviews.invalidate();
    await this.contexts.flash(request, message);
    redirectTo(reply, `/admin/sources/${source.id}`);
  }

  private async find(id: string): Promise<SourceEntity> {
    const source = await this.sources.findById(id);
    if (!source) throw new CopydeskException(ErrorCode.NotFound, `No source has the id ${id}.`);
    return source;
  }
}
