import { Module } from '@nestjs/common';
import { SecretSealerModule } from '../common/secret-sealer.module';
import { SourceKindRegistry } from './kinds/source-kind.registry';
import { PageFetcher } from './page-fetcher.service';
import { PollScheduler } from './poll-scheduler.service';
import { SourceAdmin } from './source-admin.service';
import { sourceKinds } from './source-kinds';
import { SourceLock } from './source-lock.service';
import { SourceSecrets } from './source-secrets.service';

const SERVICES = [SourceAdmin, SourceSecrets, PollScheduler, SourceLock, PageFetcher];

/**
 * Sources and how they are reached: their kinds, administration, credentials, poll schedule and lock, and the
 * fetcher every request to a source goes through. Takes no copy in itself (IngestModule does).
 */
@Module({
  imports: [SecretSealerModule],
  providers: [...SERVICES, { provide: SourceKindRegistry, useValue: sourceKinds }],
  exports: [...SERVICES, SourceKindRegistry],
})
export class SourcesModule {}
