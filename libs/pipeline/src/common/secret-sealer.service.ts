import { AppConfig } from '@copydesk/config';
import { SecretBox } from '@copydesk/secrets';
import { Injectable } from '@nestjs/common';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';

/** Webhook secrets are `whsec_` + base64; a sealed value never starts so. */
const PLAIN_WEBHOOK_SECRET = /^whsec_/;
/** Opened webhook secrets kept (every delivery signs with its subscription's): far more than subscriptions in use. */
const OPENED_CACHE_SIZE = 1_000;

/** Seals secrets at rest with SECRETS_KEY (AES-256-GCM), so a database dump alone signs nothing. */
@Injectable()
export class SecretSealer {
  private readonly box: SecretBox | null;
  private readonly opened = new Map<string, string>();

  constructor(config: AppConfig) {
    const key = config.get('SECRETS_KEY');
    this.box = key ? new SecretBox(key) : null;
  }

  /** The box, for what must never be stored in the clear (source credentials). */
  requireBox(): SecretBox {
    if (!this.box) {
      throw new CopydeskException(
        ErrorCode.ServiceUnavailable,
        'SECRETS_KEY is not set, so credentials and webhook secrets cannot be stored.',
      );
    }
    return this.box;
  }

  /**
   * A webhook signing secret for storage: sealed when SECRETS_KEY is set (npm start and compose always set one);
   * without it, in the clear, so subscriptions keep working on an installation that has not configured one.
   */
  sealWebhookSecret(secret: string): string {
    return this.box ? this.box.seal(secret) : secret;
  }

  openWebhookSecret(stored: string): string {
    if (PLAIN_WEBHOOK_SECRET.test(stored)) return stored;
    let secret = this.opened.get(stored);
    if (secret === undefined) {
      secret = this.requireBox().open(stored);
      // A sealed value is never re-sealed (rotation stores a new one), so an entry never goes stale; the oldest goes first.
      if (this.opened.size >= OPENED_CACHE_SIZE) this.opened.delete(this.opened.keys().next().value as string);
      this.opened.set(stored, secret);
    }
    return secret;
  }
}
