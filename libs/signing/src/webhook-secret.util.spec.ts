import { decodeWebhookSecret, generateWebhookSecret, isValidWebhookSecret } from './webhook-secret.util';
import { WebhookVerificationError } from './webhook-verification.exception';

describe('generateWebhookSecret', () => {
  it('returns whsec_ + base64 of 32 random bytes, different every time', () => {
    const a = generateWebhookSecret();
    const b = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(decodeWebhookSecret(a)).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe('decodeWebhookSecret', () => {
  const badSecret = (secret: string) => {
    try {
      decodeWebhookSecret(secret);
    } catch (err) {
      return err instanceof WebhookVerificationError ? err.code : 'other error';
    }
    return 'accepted';
  };

  it('decodes the reference vector secret (24 bytes)', () => {
    expect(decodeWebhookSecret('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toHaveLength(24);
  });

  it.each([
    ['no prefix', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    ['other prefix', 'whsk_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    ['not base64', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa!w'],
    ['too short (18 bytes)', `whsec_${Buffer.alloc(18, 1).toString('base64')}`],
    ['too long (65 bytes)', `whsec_${Buffer.alloc(65, 1).toString('base64')}`],
    ['empty', 'whsec_'],
  ])('rejects %s with bad-secret', (_label, secret) => {
    expect(badSecret(secret)).toBe('bad-secret');
    expect(isValidWebhookSecret(secret)).toBe(false);
  });

  it('accepts 64-byte secrets, the spec maximum', () => {
    expect(isValidWebhookSecret(`whsec_${Buffer.alloc(64, 7).toString('base64')}`)).toBe(true);
  });
});
