import { AppConfig } from '@copydesk/config';
import { JobName, QueueName } from '@copydesk/contracts';
import { ArticleRouter, DeliveryRunner } from '@copydesk/pipeline/publish';
import { type JobHandlers, QueueProcessor, workerOptions } from '@copydesk/queue';
import { Processor } from '@nestjs/bullmq';

@Processor(QueueName.Publish, workerOptions())
export class PublishProcessor extends QueueProcessor<QueueName.Publish> {
  protected readonly handlers: JobHandlers<QueueName.Publish> = {
    // The job id tells a retry (same id) from a second routing of the same revision (an id of its own).
    [JobName.RouteArticle]: (data, job) => this.router.route(data.articleId, data.revision, data.event, data.correlationId, job.id),
    [JobName.Deliver]: (data) => this.runner.run(data.deliveryId, data.correlationId),
  };

  constructor(
    config: AppConfig,
    private readonly router: ArticleRouter,
    private readonly runner: DeliveryRunner,
  ) {
    super(config);
  }
}
