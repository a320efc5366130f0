import { AppConfig } from '@copydesk/config';
import { JobName, QueueName } from '@copydesk/contracts';
import { ArticleEnricher } from '@copydesk/pipeline';
import { type JobHandlers, QueueProcessor } from '@copydesk/queue';
import { Processor } from '@nestjs/bullmq';

@Processor(QueueName.Enrichment)
export class EnrichmentProcessor extends QueueProcessor<QueueName.Enrichment> {
  protected readonly handlers: JobHandlers<QueueName.Enrichment> = {
    [JobName.EnrichArticle]: (data) => this.enricher.enrich(data.articleId, data.revision, data.correlationId),
  };

  constructor(
    config: AppConfig,
    private readonly enricher: ArticleEnricher,
  ) {
    super(config);
  }
}
