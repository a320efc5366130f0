import type { SourceWithSecrets } from '@copydesk/database';
import type { SecretBox } from '@copydesk/secrets';
import { Injectable } from '@nestjs/common';
import { SecretSealer } from '../common/secret-sealer.service';
import type { SourceCredentials } from './source-credentials';

/*
 * WIRE CONTRACT. Stored sealed in sources.webhook_secrets_encrypted: the current secret first, during a rotation the
 * previous one too, until `expiresAt`.
 */
export interface WebhookSecretEntry {
  secret: string;
  createdAt: string;
  expiresAt: string | null;
}

/** Seals and opens a source's credentials and webhook secrets with SECRETS_KEY. Nothing else sees them in the clear. */
@Injectable()
export class SourceSecrets {
  constructor(private readonly sealer: SecretSealer) {}

  private requireBox(): SecretBox {
    return this.sealer.requireBox();
  }

  sealCredentials(credentials: SourceCredentials): string {
    return this.requireBox().sealJson(credentials);
  }

  credentials(source: SourceWithSecrets): SourceCredentials | null {
    return source.credentialsEncrypted ? this.requireBox().openJson<SourceCredentials>(source.credentialsEncrypted) : null;
  }

  sealWebhookSecrets(entries: WebhookSecretEntry[]): string {
    return this.requireBox().sealJson(entries);
  }

  webhookSecrets(source: SourceWithSecrets): WebhookSecretEntry[] {
    return source.webhookSecretsEncrypted ? this.requireBox().openJson<WebhookSecretEntry[]>(source.webhookSecretsEncrypted) : [];
  }

  /** The secrets a signature may be made with right now: the current one and any still inside its overlap window. */
  validWebhookSecrets(source: SourceWithSecrets, now = Date.now()): string[] {
    return this.webhookSecrets(source)
      .filter((entry) => !entry.expiresAt || Date.parse(entry.expiresAt) > now)
      .map((entry) => entry.secret);
  }
}
