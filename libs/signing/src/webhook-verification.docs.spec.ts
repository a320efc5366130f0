import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { generateWebhookSecret } from './webhook-secret.util';
import { buildWebhookHeaders } from './webhook-signature.util';

// The subscriber-facing doc promises a copy-pasteable helper: run the helper exactly as written there.
type DocHelper = (rawBody: string | Buffer, headers: Record<string, string>, secret: string) => unknown;

function loadDocHelper(): DocHelper {
  const doc = readFileSync(join(__dirname, '../../../docs/webhook-verification.md'), 'utf8');
  const block = [...doc.matchAll(/```js\n([\s\S]*?)```/g)]
    .map((match) => match[1])
    .find((code) => code.includes('function verifyCopydeskWebhook'));
  if (!block) throw new Error('docs/webhook-verification.md has no verifyCopydeskWebhook block');
  const context = { require, Buffer, Date, JSON, exported: undefined as unknown };
  runInNewContext(`${block}\nexported = verifyCopydeskWebhook;`, context);
  return context.exported as DocHelper;
}

describe('the dependency-free helper in docs/webhook-verification.md', () => {
  const verifyCopydeskWebhook = loadDocHelper();
  const secret = generateWebhookSecret();
  const body = '{"type":"article.killed","timestamp":"2026-01-01T00:00:00.000Z","data":{"pubStatus":"canceled"}}';
  const fresh = () => Math.floor(Date.now() / 1000);
  const headersFor = (timestamp: number, secrets = [secret]) =>
    ({ ...buildWebhookHeaders({ id: 'msg_doc', timestamp, body, secrets }) }) as Record<string, string>;

  it('is at most 15 lines long inside the function', () => {
    expect(verifyCopydeskWebhook.toString().split('\n').length - 2).toBeLessThanOrEqual(15);
  });

  it('accepts what Copydesk signs, from a string or a Buffer, and returns the event', () => {
    expect(verifyCopydeskWebhook(body, headersFor(fresh()), secret)).toEqual(JSON.parse(body));
    expect(verifyCopydeskWebhook(Buffer.from(body), headersFor(fresh()), secret)).toEqual(JSON.parse(body));
  });

  it('accepts a rotation header whose second signature is the one that matches', () => {
    const headers = headersFor(fresh(), [generateWebhookSecret(), secret]);
    expect(verifyCopydeskWebhook(body, headers, secret)).toEqual(JSON.parse(body));
  });

  it('rejects a tampered body, a wrong secret, a stale timestamp and missing headers', () => {
    expect(() => verifyCopydeskWebhook(body.replace('killed', 'created'), headersFor(fresh()), secret)).toThrow();
    expect(() => verifyCopydeskWebhook(body, headersFor(fresh()), generateWebhookSecret())).toThrow();
    expect(() => verifyCopydeskWebhook(body, headersFor(fresh() - 301), secret)).toThrow(/tolerance/);
    const { 'webhook-id': _id, ...withoutId } = headersFor(fresh());
    expect(() => verifyCopydeskWebhook(body, withoutId, secret)).toThrow(/missing/);
  });
});
