import { Module } from '@nestjs/common';
import { ArticleEnricher } from './article-enricher.service';

@Module({ providers: [ArticleEnricher], exports: [ArticleEnricher] })
export class EnrichModule {}
