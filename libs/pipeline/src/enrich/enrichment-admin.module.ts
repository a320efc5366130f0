import { Module } from '@nestjs/common';
import { EditorialCorrector } from './editorial-corrector.service';
import { ReEnrichModule } from './re-enrich.module';
import { TrainingDataExporter } from './training-data.service';

/** What the API does about enrichment: editors' corrections, re-enrich requests, training data. No model loaded. */
@Module({
  imports: [ReEnrichModule],
  providers: [EditorialCorrector, TrainingDataExporter],
  exports: [EditorialCorrector, ReEnrichModule, TrainingDataExporter],
})
export class EnrichmentAdminModule {}
