import { Module } from '@nestjs/common';
import { ArticleKiller } from '../articles/article-killer.service';
import { RelateModule } from '../relate/relate.module';
import { FeedItemIntake } from '../sources/feed-item-intake.service';
import { FeedPoller } from '../sources/feed-poller.service';
import { SourcesModule } from '../sources/sources.module';
import { DraftBuilder } from './draft-builder.service';
import { IngestReceiver } from './ingest-receiver.service';
import { PageScraper } from './page-scraper.service';
import { RawItemProcessor } from './raw-item-processor.service';
import { RawItemReplayer } from './raw-item-replayer.service';
import { WebhookIntake } from './webhook-intake.service';

const PROVIDERS = [
  IngestReceiver,
  WebhookIntake,
  FeedPoller,
  FeedItemIntake,
  PageScraper,
  DraftBuilder,
  RawItemProcessor,
  RawItemReplayer,
  ArticleKiller,
];

/**
 * Everything that takes copy in: receiving, polling, scraping, reading raw items into articles; with the sources
 * (SourcesModule) and relations (RelateModule) it builds on, which it exports too, so an app imports this one
 * module. Needs the global DatabaseModule and QueueModule. The outbox sweeper only runs where a worker lists it as
 * a provider.
 */
@Module({
  imports: [SourcesModule, RelateModule],
  providers: PROVIDERS,
  exports: [...PROVIDERS, SourcesModule, RelateModule],
})
export class IngestModule {}
