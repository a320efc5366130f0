import { AppConfig } from '@copydesk/config';
import { ApiKeyRepository } from '@copydesk/database';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { generateApiKey, hashApiKey, visiblePrefix } from './api-key.secret';

/**
 * A fresh installation without COPYDESK_ADMIN_KEY (docker compose, say) would have no way in: the first API to boot
 * creates one admin key, stores only its hash, and prints the key once.
 */
@Injectable()
export class BootstrapAdminKey implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminKey.name);

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.get('COPYDESK_ADMIN_KEY')) return;
    const key = generateApiKey();
    const created = await this.keys.createFirstAdminKey({
      name: 'bootstrap admin',
      keyHash: hashApiKey(key),
      keyPrefix: visiblePrefix(key),
    });
    if (!created) return;
    // On the terminal, once, and never through the JSON logs (which are shipped and kept): whoever started the API
    // copies it now. The log line only says where to look.
    process.stderr.write(`\nNo COPYDESK_ADMIN_KEY was set: created an admin key (shown this once; store it now):\n\n  ${key}\n\n`);
    this.logger.warn('No COPYDESK_ADMIN_KEY was set: created an admin key and printed it once on the terminal, not in the logs');
  }
}
