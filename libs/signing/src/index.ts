export { WebhookVerificationError, type WebhookVerificationErrorCode } from './webhook-verification.exception';
export { WEBHOOK_SECRET_PREFIX, generateWebhookSecret, decodeWebhookSecret, isValidWebhookSecret } from './webhook-secret.util';
export { sign, buildWebhookHeaders, type WebhookMessage, type WebhookHeaders } from './webhook-signature.util';
export { verify, DEFAULT_TOLERANCE_SECONDS, type VerifyWebhookInput, type WebhookRequestHeaders } from './webhook-verify.util';
