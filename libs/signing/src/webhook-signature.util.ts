import { createHmac } from 'node:crypto';
import { decodeWebhookSecret } from './webhook-secret.util';

/** What is signed: one message attempt as the subscriber receives it. */
export interface WebhookMessage {
  /** `webhook-id`: the same for every retry of one event, so subscribers can de-duplicate. */
  id: string;
  /** `webhook-timestamp`: Unix seconds of this attempt. */
  timestamp: number;
  /** The exact bytes of the HTTP body; re-serialised JSON would not verify. */
  body: string | Buffer;
}

/**
 * The three Standard Webhooks headers, lower-cased as Node and fetch present them.
 * A type alias, not an interface, so it can be passed wherever a plain header record is expected.
 */
export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** Version tag of HMAC-SHA256 signatures in `webhook-signature`. */
export const SIGNATURE_VERSION = 'v1';

/**
 * The base64 HMAC-SHA256 of `id.timestamp.body` under `key`, without the `v1,` tag.
 * Shared by signing and verifying so both build the signed content the same way.
 */
export function computeSignature(key: Buffer, id: string, timestamp: number | string, body: string | Buffer): string {
  return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
}

/**
 * Signs one message attempt: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
 * @throws WebhookVerificationError `bad-secret` for a malformed secret.
 * @throws RangeError for an id that is empty or holds a `.` or whitespace (the spec forbids them: they would
 * make the signed content ambiguous), or a timestamp that is not whole non-negative seconds.
 */
export function sign(message: WebhookMessage & { secret: string }): string {
  assertSignableMessage(message);
  const key = decodeWebhookSecret(message.secret);
  return `${SIGNATURE_VERSION},${computeSignature(key, message.id, message.timestamp, message.body)}`;
}

/**
 * The headers for one outbound attempt, signed with every given secret (space separated), so a subscriber
 * still holding the previous secret keeps verifying during a rotation overlap.
 */
export function buildWebhookHeaders(message: WebhookMessage & { secrets: readonly string[] }): WebhookHeaders {
  if (message.secrets.length === 0) throw new RangeError('at least one secret is needed to sign a webhook');
  const signatures = message.secrets.map((secret) => sign({ ...message, secret }));
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(message.timestamp),
    'webhook-signature': signatures.join(' '),
  };
}

function assertSignableMessage({ id, timestamp }: WebhookMessage): void {
  if (id.length === 0 || /[.\s]/.test(id)) {
    throw new RangeError(`webhook id must be non-empty without "." or whitespace, got ${JSON.stringify(id)}`);
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError(`webhook timestamp must be whole Unix seconds, got ${timestamp}`);
  }
}
