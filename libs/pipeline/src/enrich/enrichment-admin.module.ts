import { Module } from '@nestjs/common';
import { EditorialCorrector } from './editorial-corrector.service';
import { ReEnrichScheduler } from './re-enrich-scheduler.service';
import { TrainingDataExporter } from './training-data.service';

/** What the API does about enrichment: editors' corrections, re-enrich requests, training data. No model loaded. */
@Module({
  providers: [EditorialCorrector, ReEnrichScheduler, TrainingDataExporter],
  exports: [EditorialCorrector, ReEnrichScheduler, TrainingDataExporter],
})
export class EnrichmentAdminModule {}
