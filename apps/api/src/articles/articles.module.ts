import { IngestModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { ArticlesController } from './articles.controller';

@Module({ imports: [IngestModule], controllers: [ArticlesController] })
export class ArticlesModule {}
