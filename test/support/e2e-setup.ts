import { freePort } from '@copydesk/embedded';
import { ApiClient } from './api-client';
import { createIsolatedEnvironment, type IsolatedEnvironment } from './isolated-environment';

/** The installation's admin key in every e2e suite (COPYDESK_ADMIN_KEY): one value, so no suite invents its own. */
export const ADMIN_KEY = 'test-admin-key-e2e-0123456789abcdef';
/** SECRETS_KEY for suites whose processes seal secrets (subscriptions, source credentials). */
export const SECRETS_KEY = 'test-secrets-key-e2e-0123456789abcdef0123';

export interface E2eSetup {
  environment: IsolatedEnvironment;
  /** For every process of the suite: its own database and queue prefix, a free API port, the admin key, quiet logs. */
  env: NodeJS.ProcessEnv;
  /** The API on that port, as the admin key. */
  client: ApiClient;
}

/**
 * What every cross-process suite starts from: an isolated environment, a free port and the env its processes share
 * (`env` adds to or overrides the defaults). Starting the processes stays with the suite: which apps, when, and with
 * what extra settings is what each suite is about.
 */
export async function e2eSetup(label: string, env: Record<string, string> = {}): Promise<E2eSetup> {
  const environment = await createIsolatedEnvironment(label);
  const port = await freePort();
  return {
    environment,
    env: { ...environment.env, PORT: String(port), COPYDESK_ADMIN_KEY: ADMIN_KEY, LOG_LEVEL: 'warn', ...env },
    client: new ApiClient(`http://127.0.0.1:${port}`, ADMIN_KEY),
  };
}
