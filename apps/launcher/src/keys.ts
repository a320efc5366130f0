import type { AppConfig } from '@copydesk/config';
import { ensureLocalSecret, makeAdminKey, makeSecretsKey } from '@copydesk/embedded';
import { join } from 'node:path';

export interface LocalKeys {
  adminKey: string;
  secretsKey: string;
  /** How to tell the user about the admin key without printing it more than once. */
  adminKeyNote: string;
  /** A shell expression that yields the key, for the example commands. */
  adminKeyShell: string;
}

/**
 * The admin API key and the secrets key: from the environment when set, else kept in the data folder (generated on
 * first start, readable by the owner only). A generated key is shown once, when it is made; a key from the
 * environment is never echoed.
 */
export function localKeys(config: AppConfig, dataDir: string): LocalKeys {
  const secretsKey = config.get('SECRETS_KEY') ?? ensureLocalSecret(dataDir, 'secrets-key', makeSecretsKey).value;
  const fromEnv = config.get('COPYDESK_ADMIN_KEY');
  if (fromEnv) {
    return { adminKey: fromEnv, secretsKey, adminKeyNote: 'from COPYDESK_ADMIN_KEY', adminKeyShell: '$COPYDESK_ADMIN_KEY' };
  }
  const file = join(dataDir, 'admin-key');
  const key = ensureLocalSecret(dataDir, 'admin-key', makeAdminKey);
  return {
    adminKey: key.value,
    secretsKey,
    adminKeyNote: key.created ? `${key.value}  (generated now, kept in ${file}; shown only this once)` : `kept in ${file}`,
    adminKeyShell: `$(cat ${file})`,
  };
}
