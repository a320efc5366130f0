// The default import is the module object itself, so a spy on it is seen by the code under test.
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret } from './webhook-secret.util';
import { buildWebhookHeaders, sign } from './webhook-signature.util';
import { WebhookVerificationError, type WebhookVerificationErrorCode } from './webhook-verification.exception';
import { verify, type VerifyWebhookInput } from './webhook-verify.util';

interface VectorFile {
  vectors: Array<{
    name: string;
    secret: string;
    msg_id: string;
    timestamp: number;
    payload: string;
    expected_signature?: string;
    bad_signature?: string;
  }>;
  spec_example_headers: Record<string, string>;
}
const vectorFile = JSON.parse(
  readFileSync(join(__dirname, '../../../test/fixtures/webhooks/standard-webhooks-vectors.json'), 'utf8'),
) as VectorFile;

function failure(input: VerifyWebhookInput): WebhookVerificationErrorCode | 'verified' | 'other error' {
  try {
    verify(input);
    return 'verified';
  } catch (err) {
    return err instanceof WebhookVerificationError ? err.code : 'other error';
  }
}

describe('verify against the reference vectors', () => {
  it.each(vectorFile.vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const signature = v.expected_signature ?? v.bad_signature;
    const input: VerifyWebhookInput = {
      headers: { 'webhook-id': v.msg_id, 'webhook-timestamp': String(v.timestamp), 'webhook-signature': signature },
      body: v.payload,
      secrets: [v.secret],
      now: new Date(v.timestamp * 1000),
    };
    expect(failure(input)).toBe(v.expected_signature ? 'verified' : 'no-matching-signature');
  });

  it('skips the v1a entry of the spec example header and finds no v1 match for an unrelated secret', () => {
    const headers = vectorFile.spec_example_headers;
    const now = new Date(Number(headers['webhook-timestamp']) * 1000);
    const input = { headers, body: '{}', secrets: [vectorFile.vectors[0].secret], now };
    expect(failure(input)).toBe('no-matching-signature');
  });
});

describe('verify', () => {
  const secret = vectorFile.vectors[0].secret;
  const body = '{"type":"article.created","data":{"id":"1"}}';
  const timestamp = 1_700_000_000;
  const now = new Date(timestamp * 1000);
  const signature = sign({ id: 'msg_1', timestamp, body, secret });
  const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
  const valid: VerifyWebhookInput = { headers, body, secrets: [secret], now };

  it('accepts a valid request, with a string or a Buffer body', () => {
    expect(failure(valid)).toBe('verified');
    expect(failure({ ...valid, body: Buffer.from(body) })).toBe('verified');
  });

  it('reads headers in any casing and as single-element arrays (Node IncomingHttpHeaders)', () => {
    const shouting = {
      'Webhook-Id': 'msg_1',
      'WEBHOOK-TIMESTAMP': [String(timestamp)],
      'webhook-Signature': signature,
    };
    expect(failure({ ...valid, headers: shouting })).toBe('verified');
  });

  it('finds the matching v1 signature among several, ignoring v1a and unknown versions', () => {
    const other = sign({ id: 'msg_1', timestamp, body, secret: generateWebhookSecret() });
    const list = `v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg== ${other} v2,abc ${signature}`;
    expect(failure({ ...valid, headers: { ...headers, 'webhook-signature': list } })).toBe('verified');
    expect(failure({ ...valid, headers: { ...headers, 'webhook-signature': [other, signature] } })).toBe('verified');
  });

  it('does not accept a v1 signature sent under another version tag', () => {
    const retagged = signature.replace(/^v1,/, 'v1a,');
    expect(failure({ ...valid, headers: { ...headers, 'webhook-signature': retagged } })).toBe('no-matching-signature');
  });

  it('accepts any of several secrets (rotation overlap) and rejects when none matches', () => {
    const fresh = generateWebhookSecret();
    expect(failure({ ...valid, secrets: [fresh, secret] })).toBe('verified');
    expect(failure({ ...valid, secrets: [fresh] })).toBe('no-matching-signature');
  });

  it('rejects a tampered body, id or timestamp', () => {
    expect(failure({ ...valid, body: body.replace('"1"', '"2"') })).toBe('no-matching-signature');
    expect(failure({ ...valid, headers: { ...headers, 'webhook-id': 'msg_2' } })).toBe('no-matching-signature');
    const shifted = { ...headers, 'webhook-timestamp': String(timestamp + 1) };
    expect(failure({ ...valid, headers: shifted })).toBe('no-matching-signature');
  });

  it.each([
    ['no id', { 'webhook-timestamp': String(timestamp), 'webhook-signature': signature }],
    ['no timestamp', { 'webhook-id': 'msg_1', 'webhook-signature': signature }],
    ['no signature', { 'webhook-id': 'msg_1', 'webhook-timestamp': String(timestamp) }],
    ['an empty signature', { ...headers, 'webhook-signature': '  ' }],
    ['two ids', { ...headers, 'webhook-id': ['msg_1', 'msg_2'] }],
  ])('reports missing-headers for %s', (_label, partial) => {
    expect(failure({ ...valid, headers: partial })).toBe('missing-headers');
  });

  it.each(['abc', '1.7e9', '-1700000000', ' 1700000000', '1700000000.5', '0x6553f100'])('reports bad-timestamp for %j', (value) => {
    expect(failure({ ...valid, headers: { ...headers, 'webhook-timestamp': value } })).toBe('bad-timestamp');
  });

  it('enforces the tolerance both ways, inclusive at the edge', () => {
    const at = (offsetSeconds: number, toleranceSeconds?: number) =>
      failure({ ...valid, now: new Date((timestamp + offsetSeconds) * 1000), toleranceSeconds });
    expect(at(300)).toBe('verified');
    expect(at(301)).toBe('timestamp-too-old');
    expect(at(-300)).toBe('verified');
    expect(at(-301)).toBe('timestamp-in-future');
    expect(at(61, 60)).toBe('timestamp-too-old');
  });

  it('checks the timestamp before the signature, so a stale replay is reported as stale', () => {
    expect(failure({ ...valid, now: new Date((timestamp + 3600) * 1000), secrets: [generateWebhookSecret()] })).toBe('timestamp-too-old');
  });

  it('reports bad-secret for an empty or malformed secret list, before looking at the request', () => {
    expect(failure({ ...valid, secrets: [] })).toBe('bad-secret');
    expect(failure({ ...valid, secrets: [secret, 'not-a-secret'] })).toBe('bad-secret');
    expect(failure({ ...valid, headers: {}, secrets: ['whsec_short'] })).toBe('bad-secret');
  });

  it('compares signatures with crypto.timingSafeEqual', () => {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    try {
      verify(valid);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('interoperability with the official standardwebhooks package', () => {
  const secret = generateWebhookSecret();
  const body = JSON.stringify({ type: 'article.updated', timestamp: '2026-01-01T00:00:00.000Z', data: { é: 'ü' } });

  it('verifies what the official library signs', () => {
    const id = 'msg_official';
    const sentAt = new Date();
    const signature = new Webhook(secret).sign(id, sentAt, body);
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signature,
    };
    expect(failure({ headers, body, secrets: [secret], now: sentAt })).toBe('verified');
  });

  it('produces headers the official library verifies', () => {
    const headers = buildWebhookHeaders({
      id: 'msg_ours',
      timestamp: Math.floor(Date.now() / 1000),
      body,
      secrets: [generateWebhookSecret(), secret],
    });
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });
});
