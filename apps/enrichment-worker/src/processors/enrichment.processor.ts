import { AppConfig } from '@copydesk/config';
import { JobName, QueueName } from '@copydesk/contracts';
import { ArticleEnricher, ReEnrichScheduler } from '@copydesk/pipeline';
import { type JobHandlers, QueueProcessor, workerOptions } from '@copydesk/queue';
import { Processor } from '@nestjs/bullmq';

@Processor(QueueName.Enrichment, workerOptions())
export class EnrichmentProcessor extends QueueProcessor<QueueName.Enrichment> {
  protected readonly handlers: JobHandlers<QueueName.Enrichment> = {
    [JobName.EnrichArticle]: (data) => this.enricher.enrich(data.articleId, data.revision, data.correlationId),
    [JobName.ReEnrichArticle]: (data) => this.enricher.reEnrich(data.articleId, data.revision, data.requestId, data.correlationId),
    [JobName.ReEnrichPage]: (data) => this.reEnrich.queuePage(data),
  };

  constructor(
    config: AppConfig,
    private readonly enricher: ArticleEnricher,
    private readonly reEnrich: ReEnrichScheduler,
  ) {
    super(config);
  }
}
