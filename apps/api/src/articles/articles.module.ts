import { IngestModule, PublishModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { ArticleRelationsController } from './article-relations.controller';
import { ArticleReader } from './article-reader.service';
import { ArticleSearch } from './article-search.service';
import { ArticlesController } from './articles.controller';

@Module({
  imports: [IngestModule, PublishModule],
  controllers: [ArticlesController, ArticleRelationsController],
  providers: [ArticleSearch, ArticleReader],
})
export class ArticlesModule {}
