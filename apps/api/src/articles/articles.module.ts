import { IngestModule, PublishModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { ClustersController } from '../clusters/clusters.controller';
import { RawItemsController } from '../raw-items/raw-items.controller';
import { ArticleRelationsController } from './article-relations.controller';
import { ArticleSearch } from './article-search.service';
import { ArticlesController } from './articles.controller';

@Module({
  imports: [IngestModule, PublishModule],
  controllers: [ArticlesController, ArticleRelationsController, ClustersController, RawItemsController],
  providers: [ArticleSearch],
})
export class ArticlesModule {}
