import { ApiScope } from '@copydesk/contracts';
import { AuditLogRepository } from '@copydesk/database';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { ApiProblems } from '../common/problem.view';
import { AllSources, RequireScope } from '../common/scope.decorator';
import { AuditPageView, toAuditEntryView } from './audit-entry.view';
import { ListAuditDto } from './dto/list-audit.dto';

const isIdCursor = (values: unknown[]): values is [string] =>
  values.length === 1 && typeof values[0] === 'string' && /^\d{1,19}$/.test(values[0]);

@ApiTags('audit')
@RequireScope(ApiScope.Admin)
@AllSources()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditLogRepository) {}

  /** Who killed, corrected, replayed, re-enriched, changed a source, subscription or key: newest first. */
  @Get()
  @ApiOkResponse({ type: AuditPageView })
  @ApiProblems(422)
  async list(@Query() query: ListAuditDto): Promise<AuditPageView> {
    const limit = query.limit ?? 50;
    const rows = await this.audit.list({
      actor: query.actor,
      action: query.action,
      since: query.since ? new Date(query.since) : undefined,
      before: query.cursor ? decodeCursor(query.cursor, isIdCursor)[0] : undefined,
      limit,
    });
    const last = rows.length === limit ? rows[rows.length - 1] : null;
    return { items: rows.map(toAuditEntryView), nextCursor: last ? encodeCursor([last.id]) : null };
  }
}
