import { iso } from '@copydesk/http';
import { ApiScope, QueueName } from '@copydesk/contracts';
import { ArticleRepository } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { JobQueue } from '@copydesk/queue';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Job } from 'bullmq';
import { ETagged } from '../caching/caching.decorators';
import { Auth, type AuthContext, canUseSource } from '../common/auth-context';
import { ApiProblems } from '../common/problem.view';
import { RequireScope } from '../common/scope.decorator';
import { JobView } from './job.view';

const JOB_ID = /^[A-Za-z0-9._-]{1,300}$/;
const isoOfMs = (ms: number | undefined): string | null => iso(ms ? new Date(ms) : null);

/** Jobs the API queued (their ids are in its 202 answers), while the queues keep them (completed ones for a day). */
@ApiTags('operations')
@RequireScope(ApiScope.Read)
@Controller('v1/jobs')
export class JobsController {
  constructor(
    private readonly queue: JobQueue,
    private readonly articles: ArticleRepository,
  ) {}

  @Get(':id')
  @ETagged()
  @ApiParam({ name: 'id', schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,300}$' } })
  @ApiOkResponse({ type: JobView })
  @ApiProblems(404)
  async get(@Param('id') id: string, @Auth() auth: AuthContext): Promise<JobView> {
    if (!JOB_ID.test(id)) {
      throw new CopydeskException(ErrorCode.InvalidParameter, 'The path parameter id is not a job id.', {
        errors: [{ pointer: '/path/id', detail: 'must be 1-300 letters, digits, ".", "_" or "-"' }],
      });
    }
    for (const name of Object.values(QueueName)) {
      const job = (await this.queue.queue(name).getJob(id)) as Job<Record<string, unknown>> | undefined;
      if (job && (await this.visible(job, auth))) return this.view(job, name);
    }
    throw new CopydeskException(ErrorCode.NotFound, `No job has the id ${id} (completed jobs are kept for a day).`);
  }

  /** A key limited to sources sees only jobs on its sources' articles and sources. */
  private async visible(job: Job<Record<string, unknown>>, auth: AuthContext): Promise<boolean> {
    if (auth.sourceIds === null) return true;
    const { articleId, sourceId } = job.data;
    if (typeof sourceId === 'string') return canUseSource(auth, sourceId);
    if (typeof articleId !== 'string') return false;
    const article = await this.articles.findById(articleId);
    return Boolean(article && canUseSource(auth, article.sourceId));
  }

  private async view(job: Job<Record<string, unknown>>, queue: QueueName): Promise<JobView> {
    return {
      id: job.id as string,
      queue,
      name: job.name,
      state: await job.getState(),
      attemptsMade: job.attemptsMade,
      maxAttempts: job.opts.attempts ?? 1,
      failedReason: job.failedReason || null,
      createdAt: new Date(job.timestamp).toISOString(),
      processedAt: isoOfMs(job.processedOn),
      finishedAt: isoOfMs(job.finishedOn),
      articleId: typeof job.data.articleId === 'string' ? job.data.articleId : null,
    };
  }
}
