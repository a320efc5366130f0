import { randomBytes } from 'node:crypto';
import { WebhookVerificationError } from './webhook-verification.exception';

/** Prefix that marks a Standard Webhooks symmetric (HMAC-SHA256) secret. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

// The spec asks for 24 to 64 random bytes; anything shorter is too weak to accept even from a partner.
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;
const GENERATED_SECRET_BYTES = 32;
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * A new `whsec_` secret: 32 random bytes, base64. Shown to the subscriber once; stored encrypted.
 * The only impure function of this lib (it reads the CSPRNG).
 */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(GENERATED_SECRET_BYTES).toString('base64');
}

/**
 * The HMAC key inside a `whsec_<base64>` secret.
 * @throws WebhookVerificationError `bad-secret` when the prefix is missing, the base64 is not canonical,
 * or the key is not 24 to 64 bytes long.
 */
export function decodeWebhookSecret(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) {
    throw new WebhookVerificationError('bad-secret', `webhook secret must start with "${WEBHOOK_SECRET_PREFIX}"`);
  }
  const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
  // Buffer.from(…, 'base64') skips invalid characters silently; a typo must not shorten the key unnoticed.
  if (!STRICT_BASE64.test(encoded)) {
    throw new WebhookVerificationError('bad-secret', 'webhook secret is not valid base64 after "whsec_"');
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
    throw new WebhookVerificationError(
      'bad-secret',
      `webhook secret must hold ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} bytes, got ${key.length}`,
    );
  }
  return key;
}

/** True when {@link decodeWebhookSecret} would accept the secret; for validating user input. */
export function isValidWebhookSecret(secret: string): boolean {
  try {
    decodeWebhookSecret(secret);
    return true;
  } catch {
    return false;
  }
}
