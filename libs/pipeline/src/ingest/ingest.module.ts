import { Module } from '@nestjs/common';
import { ArticleKiller } from '../articles/article-killer.service';
import { SecretSealerModule } from '../common/secret-sealer.module';
import { ClusterAssigner } from '../relate/cluster-assigner.service';
import { DuplicateDetector } from '../relate/duplicate-detector.service';
import { FeedItemIntake } from '../sources/feed-item-intake.service';
import { FeedPoller } from '../sources/feed-poller.service';
import { PageFetcher } from '../sources/page-fetcher.service';
import { PollScheduler } from '../sources/poll-scheduler.service';
import { SourceKindRegistry } from '../sources/kinds/source-kind.registry';
import { SourceAdmin } from '../sources/source-admin.service';
import { sourceKinds } from '../sources/source-kinds';
import { SourceLock } from '../sources/source-lock.service';
import { SourceSecrets } from '../sources/source-secrets.service';
import { DraftBuilder } from './draft-builder.service';
import { IngestReceiver } from './ingest-receiver.service';
import { PageScraper } from './page-scraper.service';
import { RawItemProcessor } from './raw-item-processor.service';
import { RawItemReplayer } from './raw-item-replayer.service';
import { WebhookIntake } from './webhook-intake.service';

const PROVIDERS = [
  IngestReceiver,
  RawItemProcessor,
  DraftBuilder,
  PageScraper,
  PageFetcher,
  SourceSecrets,
  SourceAdmin,
  PollScheduler,
  FeedPoller,
  FeedItemIntake,
  SourceLock,
  DuplicateDetector,
  ClusterAssigner,
  ArticleKiller,
  RawItemReplayer,
  WebhookIntake,
];

/**
 * Everything that takes copy in: receiving, polling, fetching, reading raw items into articles. Needs the global
 * DatabaseModule and QueueModule. The outbox sweeper only runs where a worker lists it as a provider.
 */
@Module({
  imports: [SecretSealerModule],
  providers: [...PROVIDERS, { provide: SourceKindRegistry, useValue: sourceKinds }],
  exports: [...PROVIDERS, SourceKindRegistry],
})
export class IngestModule {}
