import { AppConfig } from '@copydesk/config';
import { Fetcher, type FetchOptions, type FetchResult } from '@copydesk/fetcher';
import { RedisClient } from '@copydesk/queue';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';

/**
 * The one Fetcher of a process, configured from the environment, with politeness state (per-host limits, cool-downs,
 * robots.txt) in Redis so it holds across every worker process of the installation.
 */
@Injectable()
export class PageFetcher implements OnModuleDestroy {
  private readonly fetcher: Fetcher;

  constructor(config: AppConfig, redis: RedisClient) {
    this.fetcher = new Fetcher({
      userAgent: config.get('FETCH_USER_AGENT'),
      timeoutMs: config.get('FETCH_TIMEOUT_MS'),
      maxBytes: config.get('FETCH_MAX_BYTES'),
      allowLoopback: config.get('FETCH_ALLOW_LOOPBACK'),
      redis,
      keyPrefix: `${config.get('QUEUE_PREFIX')}:fetch:`,
      perHostConcurrency: config.get('FETCH_PER_HOST_CONCURRENCY'),
      perHostMinIntervalMs: config.get('FETCH_PER_HOST_MIN_INTERVAL_MS'),
      robots: { enabled: config.get('FETCH_RESPECT_ROBOTS') },
    });
  }

  fetch(url: string, options?: FetchOptions): Promise<FetchResult> {
    return this.fetcher.fetch(url, options);
  }

  async onModuleDestroy(): Promise<void> {
    await this.fetcher.close();
  }
}
