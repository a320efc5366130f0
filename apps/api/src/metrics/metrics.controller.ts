import { AppConfig } from '@copydesk/config';
import { ArticleStatus, QueueName } from '@copydesk/contracts';
import { OperationsRepository } from '@copydesk/database';
import { JobQueue } from '@copydesk/queue';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../common/public.decorator';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/**
 * Prometheus metrics read from the same truth the dashboard reads (queues in Redis, statuses in PostgreSQL), so
 * scraping the API alone shows every worker's progress. Public unless METRICS_TOKEN is set.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();

  constructor(
    private readonly config: AppConfig,
    queue: JobQueue,
    operations: OperationsRepository,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'copydesk_api_' });
    new Gauge({
      name: 'copydesk_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const name of Object.values(QueueName)) {
          const counts = await queue.queue(name).getJobCounts(...JOB_STATES);
          for (const state of JOB_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: 'copydesk_articles',
      help: 'Articles per status',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const counts = await operations.articlesByStatus();
        for (const status of Object.values(ArticleStatus)) this.set({ status }, counts[status]);
      },
    });
  }

  @Public()
  @Get()
  async metrics(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const token = this.config.get('METRICS_TOKEN');
    if (token) {
      const given = Buffer.from(authorization ?? '');
      const expected = Buffer.from(`Bearer ${token}`);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new CopydeskException(ErrorCode.Unauthorized, 'Send the metrics token as "Authorization: Bearer <token>".');
      }
    }
    await reply.header('content-type', this.registry.contentType).send(await this.registry.metrics());
  }
}
