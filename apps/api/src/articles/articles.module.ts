import { IngestModule, PublishModule } from '@copydesk/pipeline';
import { Module } from '@nestjs/common';
import { ClustersController } from '../clusters/clusters.controller';
import { RawItemsController } from '../raw-items/raw-items.controller';
import { ArticlesController } from './articles.controller';

@Module({ imports: [IngestModule, PublishModule], controllers: [ArticlesController, ClustersController, RawItemsController] })
export class ArticlesModule {}
