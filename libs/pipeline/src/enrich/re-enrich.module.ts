import { Module } from '@nestjs/common';
import { ReEnrichScheduler } from './re-enrich-scheduler.service';

/** Bulk re-enrichment requests, shared by the enrichment worker and the API's enrichment routes. */
@Module({ providers: [ReEnrichScheduler], exports: [ReEnrichScheduler] })
export class ReEnrichModule {}
