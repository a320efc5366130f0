import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a secret kept in the data folder, or makes one the first time (readable by the owner only). */
export function ensureLocalSecret(dataDir: string, file: string, make: () => string): { value: string; created: boolean } {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, file);
  if (existsSync(path)) return { value: readFileSync(path, 'utf8').trim(), created: false };
  const value = make();
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  return { value, created: true };
}

export const makeAdminKey = (): string => `cdk_${randomBytes(24).toString('base64url')}`;
export const makeSecretsKey = (): string => randomBytes(32).toString('base64url');
