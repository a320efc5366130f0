import { timingSafeEqual } from 'node:crypto';
import { decodeWebhookSecret } from './webhook-secret.util';
import { computeSignature, SIGNATURE_VERSION } from './webhook-signature.util';
import { WebhookVerificationError } from './webhook-verification.exception';

/** Node's `IncomingHttpHeaders`, a fetch `Headers` copied into an object, or a plain record: any key casing. */
export type WebhookRequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Input of {@link verify}. */
export interface VerifyWebhookInput {
  headers: WebhookRequestHeaders;
  /** The raw request body, byte for byte as received. */
  body: string | Buffer;
  /** Every secret currently valid for this sender: the new one and, during a rotation overlap, the old one. */
  secrets: readonly string[];
  /** How far `webhook-timestamp` may be from `now`, either way. Default 300 s as the spec suggests. */
  toleranceSeconds?: number;
  /** The clock; injectable for tests. Default: the current time. */
  now?: Date;
}

/** Default replay window, from the Standard Webhooks spec. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

// Unix seconds: digits only, so "1e9", "0x10", " 12" or "12.5" cannot reach the signed content.
const TIMESTAMP_PATTERN = /^\d{1,15}$/;

/**
 * Verifies a Standard Webhooks v1 (HMAC-SHA256) request; returns normally when one `v1` signature in
 * `webhook-signature` matches one of `secrets` and the timestamp is within tolerance.
 *
 * Checks run in a fixed order: secrets (our configuration), headers, timestamp, then signatures, so a
 * stale replay is reported as such even when its signature is valid. Signatures of other versions
 * (`v1a` ed25519, future ones) are skipped, not rejected. Comparisons are constant-time.
 * @throws WebhookVerificationError with the first failing check's code.
 */
export function verify(input: VerifyWebhookInput): void {
  const keys = decodeSecrets(input.secrets);
  const { id, timestamp, signatures } = readHeaders(input.headers);
  checkTimestamp(timestamp, input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS, input.now ?? new Date());

  const candidates = parseSignatures(signatures);
  for (const key of keys) {
    const expected = Buffer.from(computeSignature(key, id, timestamp, input.body));
    // Buffers of different lengths cannot be compared in constant time; the length of a valid MAC is public.
    if (candidates.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected))) {
      return;
    }
  }
  throw new WebhookVerificationError('no-matching-signature', 'no v1 signature matches any current secret');
}

function decodeSecrets(secrets: readonly string[]): Buffer[] {
  if (secrets.length === 0) throw new WebhookVerificationError('bad-secret', 'no webhook secret configured');
  return secrets.map(decodeWebhookSecret);
}

function readHeaders(headers: WebhookRequestHeaders): { id: string; timestamp: string; signatures: string } {
  const lower = new Map<string, string | readonly string[] | undefined>();
  for (const [name, value] of Object.entries(headers)) lower.set(name.toLowerCase(), value);

  const id = single(lower.get('webhook-id'));
  const timestamp = single(lower.get('webhook-timestamp'));
  const signatureValue = lower.get('webhook-signature');
  // Repeated signature headers are a legal way to send a list; repeated id or timestamp headers are ambiguous.
  const signatures = typeof signatureValue === 'string' ? signatureValue : signatureValue?.join(' ');
  if (!id || !timestamp || !signatures?.trim()) {
    throw new WebhookVerificationError('missing-headers', 'webhook-id, webhook-timestamp and webhook-signature must each be present once');
  }
  return { id, timestamp, signatures };
}

function single(value: string | readonly string[] | undefined): string | undefined {
  if (typeof value === 'string') return value;
  return value?.length === 1 ? value[0] : undefined;
}

function checkTimestamp(timestamp: string, toleranceSeconds: number, now: Date): void {
  if (!TIMESTAMP_PATTERN.test(timestamp)) {
    throw new WebhookVerificationError('bad-timestamp', 'webhook-timestamp must be Unix seconds (digits only)');
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const sent = Number(timestamp);
  if (nowSeconds - sent > toleranceSeconds) {
    throw new WebhookVerificationError('timestamp-too-old', `webhook-timestamp is more than ${toleranceSeconds} s old`);
  }
  if (sent - nowSeconds > toleranceSeconds) {
    throw new WebhookVerificationError('timestamp-in-future', `webhook-timestamp is more than ${toleranceSeconds} s in the future`);
  }
}

function parseSignatures(header: string): Buffer[] {
  const prefix = `${SIGNATURE_VERSION},`;
  return header
    .split(' ')
    .filter((entry) => entry.startsWith(prefix))
    .map((entry) => Buffer.from(entry.slice(prefix.length)));
}
