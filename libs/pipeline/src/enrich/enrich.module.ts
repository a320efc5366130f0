import { Module } from '@nestjs/common';
import { ArticleEnricher } from './article-enricher.service';
import { EnrichmentModel } from './enrichment-model.service';
import { ReEnrichModule } from './re-enrich.module';

/** The enrichment worker's services: the topic model loaded at boot, the enricher, bulk re-enrich pages. */
@Module({
  imports: [ReEnrichModule],
  providers: [EnrichmentModel, ArticleEnricher],
  exports: [EnrichmentModel, ArticleEnricher, ReEnrichModule],
})
export class EnrichModule {}
