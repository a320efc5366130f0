import { EnrichmentAdminModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { ArticleEnrichmentController } from './article-enrichment.controller';
import { EnrichmentController } from './enrichment.controller';

@Module({ imports: [EnrichmentAdminModule], controllers: [ArticleEnrichmentController, EnrichmentController] })
export class EnrichmentApiModule {}
