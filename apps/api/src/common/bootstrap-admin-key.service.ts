import { AppConfig } from '@copydesk/config';
import { ApiScope } from '@copydesk/contracts';
import { ApiKeyEntity } from '@copydesk/database';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { generateApiKey, hashApiKey, visiblePrefix } from './api-key.secret';

// Any constant; it only serialises API replicas booting at once.
const BOOTSTRAP_LOCK_KEY = 7_301_450_222;

/**
 * A fresh installation without COPYDESK_ADMIN_KEY (docker compose, say) would have no way in: the first API to boot
 * creates one admin key, stores only its hash, and prints the key once.
 */
@Injectable()
export class BootstrapAdminKey implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminKey.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.get('COPYDESK_ADMIN_KEY')) return;
    const key = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
      const keys = manager.getRepository(ApiKeyEntity);
      const [{ exists }] = await manager.query<Array<{ exists: boolean }>>(
        `SELECT EXISTS (SELECT 1 FROM api_keys WHERE 'admin' = ANY(scopes) AND revoked_at IS NULL) AS exists`,
      );
      if (exists) return null;
      const generated = generateApiKey();
      await keys.insert({
        name: 'bootstrap admin',
        keyHash: hashApiKey(generated),
        keyPrefix: visiblePrefix(generated),
        scopes: [ApiScope.Admin],
      });
      return generated;
    });
    if (!key) return;
    // On the terminal, once, and never through the JSON logs (which are shipped and kept): whoever started the API
    // copies it now. The log line only says where to look.
    process.stderr.write(`\nNo COPYDESK_ADMIN_KEY was set: created an admin key (shown this once; store it now):\n\n  ${key}\n\n`);
    this.logger.warn('No COPYDESK_ADMIN_KEY was set: created an admin key and printed it once on the terminal, not in the logs');
  }
}
