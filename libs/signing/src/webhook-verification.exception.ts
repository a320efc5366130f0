/**
 * Why a webhook failed verification. Values are stable: the api maps them to problem+json codes and logs them.
 * `bad-secret` is a configuration fault on our side (the stored secret is malformed), never the sender's.
 */
export type WebhookVerificationErrorCode =
  'missing-headers' | 'bad-timestamp' | 'timestamp-too-old' | 'timestamp-in-future' | 'no-matching-signature' | 'bad-secret';

/** Thrown by {@link verify} (and by {@link sign} for a malformed secret); `code` says why. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';

  constructor(
    readonly code: WebhookVerificationErrorCode,
    message: string,
  ) {
    super(message);
  }
}
