import { AppConfig } from '@copydesk/config';
import { JobName, QueueName } from '@copydesk/contracts';
import { RawItemRepository } from '@copydesk/database';
import { ClusterAssigner, RawItemProcessor } from '@copydesk/pipeline';
import { type JobHandlers, QueueProcessor, isStalledFailure, workerOptions } from '@copydesk/queue';
import { isInfrastructureError } from '@copydesk/runtime';
import { OnWorkerEvent, Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';

@Processor(QueueName.Ingest, workerOptions())
export class IngestProcessor extends QueueProcessor<QueueName.Ingest> {
  protected readonly handlers: JobHandlers<QueueName.Ingest> = {
    [JobName.ProcessRawItem]: (data) => this.rawItemProcessor.process(data.rawItemId),
    [JobName.ClusterArticle]: (data) => this.clusters.assign(data.articleId),
  };

  constructor(
    config: AppConfig,
    private readonly rawItemProcessor: RawItemProcessor,
    private readonly rawItems: RawItemRepository,
    private readonly clusters: ClusterAssigner,
  ) {
    super(config);
  }

  /**
   * After the last attempt, the raw item (and an article that never got content) say why, instead of waiting forever.
   * Not when the job died with its worker or met an outage: that says nothing about the input, and the reconciler
   * runs it again.
   */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job || job.name !== (JobName.ProcessRawItem as string) || !(await this.isFinalFailure(job))) return;
    if (isStalledFailure(error) || isInfrastructureError(error)) {
      this.logger.warn({ err: error, jobId: job.id }, 'raw item job failed by a crash or an outage; the reconciler will run it again');
      return;
    }
    const raw = await this.rawItems.findById((job.data as { rawItemId: string }).rawItemId);
    if (raw) await this.rawItemProcessor.fail(raw, error.message);
    this.logger.error({ err: error, jobId: job.id }, 'raw item failed for good');
  }
}
