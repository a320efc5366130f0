import { Module } from '@nestjs/common';
import { ArticleEnricher } from './article-enricher.service';
import { EnrichmentModel } from './enrichment-model.service';
import { ReEnrichScheduler } from './re-enrich-scheduler.service';

/** The enrichment worker's services: the topic model loaded at boot, the enricher, bulk re-enrich pages. */
@Module({
  providers: [EnrichmentModel, ArticleEnricher, ReEnrichScheduler],
  exports: [EnrichmentModel, ArticleEnricher, ReEnrichScheduler],
})
export class EnrichModule {}
