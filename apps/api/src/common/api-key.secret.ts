import { createHash, randomBytes } from 'node:crypto';

/** Every key this API mints starts so, which makes a leaked key easy to spot (and to grep for) in code and logs. */
export const API_KEY_PREFIX = 'cdk_live_';

/** 32 random bytes: far beyond guessing, so a fast hash (SHA-256) is enough to store it. */
export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What a list shows of a key: the prefix and four characters, enough to tell keys apart, useless to an attacker. */
export function visiblePrefix(key: string): string {
  return key.startsWith(API_KEY_PREFIX) ? key.slice(0, API_KEY_PREFIX.length + 4) : key.slice(0, 8);
}
