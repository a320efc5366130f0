import { ApiScope } from '@copydesk/contracts';
import { StatsRepository } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, type AuthContext } from '../common/auth-context';
import { ApiProblems } from '../common/problem.view';
import { RequireScope } from '../common/scope.decorator';
import { StatsQueryDto } from './dto/stats-query.dto';
import { StatsView } from './stats.view';

const DAY_MS = 24 * 3600 * 1000;
const MAX_WINDOW_MS = 31 * DAY_MS;

function sum(into: Record<string, number>, counts: Record<string, number | undefined>): void {
  for (const [key, n] of Object.entries(counts)) into[key] = (into[key] ?? 0) + (n ?? 0);
}

@ApiTags('operations')
@RequireScope(ApiScope.Read)
@Controller('v1/stats')
export class StatsController {
  constructor(private readonly stats: StatsRepository) {}

  /** What came in and where it stands: inputs by origin, articles by stage, per source, and deliveries by status. */
  @Get()
  @ApiOkResponse({ type: StatsView })
  @ApiProblems(422)
  async get(@Query() query: StatsQueryDto, @Auth() auth: AuthContext): Promise<StatsView> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DAY_MS);
    if (from >= to || to.getTime() - from.getTime() > MAX_WINDOW_MS) {
      throw new CopydeskException(ErrorCode.ValidationFailed, 'from must be before to, at most 31 days apart.', {
        errors: [{ pointer: '/query/from', detail: 'must be before to, at most 31 days apart' }],
      });
    }
    const window = await this.stats.window(from, to, auth.sourceIds);
    const articles: Record<string, number> = {};
    const inputs: Record<string, number> = {};
    for (const source of window.sources) {
      sum(articles, source.articles);
      sum(inputs, source.inputs);
    }
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      articles,
      inputs,
      deliveries: auth.sourceIds ? null : window.deliveries,
      sources: window.sources.map((s) => ({
        sourceId: s.sourceId,
        slug: s.slug,
        inputs: s.inputs,
        articles: s.articles,
      })),
    };
  }
}
