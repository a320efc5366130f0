import { AuditAction } from '@copydesk/contracts';
import { AuditLogRepository } from '@copydesk/database';
import { Controller, Get, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Public } from '../../common/public.decorator';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import type { AdminRequest } from '../auth/admin-request';
import { Needs } from '../auth/dashboard.decorator';
import { auditPage } from '../views/audit.view';
import { page } from '../views/layout.view';
import { AdminPageFilter } from './admin-page.filter';
import { PageContexts } from './page-context.service';
import { sendHtml } from './page-response';

const PAGE_SIZE = 50;
const blankIsUnset = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

export class AuditSearchQuery {
  @IsOptional() @Transform(blankIsUnset) @IsString() @MaxLength(200) actor?: string;
  @IsOptional()
  @Transform(blankIsUnset)
  @IsEnum(AuditAction, { message: 'action must be one of the audit actions listed' })
  action?: AuditAction;
  @IsOptional() @Transform(blankIsUnset) @IsString() @MaxLength(300) target?: string;
  @IsOptional() @Transform(blankIsUnset) @Matches(LOCAL_TIME, { message: 'from must be a date and time' }) from?: string;
  @IsOptional() @Transform(blankIsUnset) @Matches(LOCAL_TIME, { message: 'to must be a date and time' }) to?: string;
  /** The id of the last entry of the page before: keyset pages stay right while entries are written. */
  @IsOptional() @Transform(blankIsUnset) @Matches(/^\d{1,19}$/, { message: 'before must be an entry id' }) before?: string;
}

/** The form's times are UTC, like every time the dashboard shows. */
const utc = (local: string | undefined): Date | undefined => (local ? new Date(`${local}Z`) : undefined);

/** The audit log (who created or revoked a key, killed, replayed, paused...), admin keys only as on /v1/audit. */
@ApiExcludeController()
@Public()
@UseGuards(AdminAuthGuard)
@UseFilters(AdminPageFilter)
@Needs('readAudit')
@Controller('admin/audit')
export class AuditPageController {
  constructor(
    private readonly audit: AuditLogRepository,
    private readonly contexts: PageContexts,
  ) {}

  @Get()
  async list(@Query() query: AuditSearchQuery, @Req() request: AdminRequest, @Res() reply: FastifyReply): Promise<void> {
    const ctx = await this.contexts.of(request);
    const { before, ...search } = query;
    const entries = await this.audit.list({
      actor: search.actor?.trim(),
      action: search.action,
      target: search.target?.trim(),
      since: utc(search.from),
      until: utc(search.to),
      before,
      limit: PAGE_SIZE,
    });
    const olderThan = entries.length === PAGE_SIZE ? entries[entries.length - 1].id : null;
    sendHtml(reply, page(ctx, 'Audit log', auditPage(search, entries, olderThan, before !== undefined)));
  }
}
