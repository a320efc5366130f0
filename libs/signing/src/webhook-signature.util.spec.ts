import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWebhookHeaders, sign } from './webhook-signature.util';
import { verify } from './webhook-verify.util';

interface Vector {
  name: string;
  secret: string;
  msg_id: string;
  timestamp: number;
  payload: string;
  expected_signature?: string;
  bad_signature?: string;
}
const vectorFile = JSON.parse(readFileSync(join(__dirname, '../../../test/fixtures/webhooks/standard-webhooks-vectors.json'), 'utf8')) as {
  vectors: Vector[];
};
const signing = vectorFile.vectors.filter((v) => v.expected_signature !== undefined);

describe('sign', () => {
  it('has reference vectors to check', () => {
    expect(signing.length).toBeGreaterThan(0);
  });

  it.each(signing.map((v) => [v.name, v] as const))('matches reference vector: %s', (_name, v) => {
    expect(sign({ id: v.msg_id, timestamp: v.timestamp, body: v.payload, secret: v.secret })).toBe(v.expected_signature);
  });

  it('signs a Buffer body exactly like the same bytes as a string', () => {
    const v = signing[0];
    expect(sign({ id: v.msg_id, timestamp: v.timestamp, body: Buffer.from(v.payload), secret: v.secret })).toBe(v.expected_signature);
  });

  it('changes when any of id, timestamp or body changes', () => {
    const v = signing[0];
    const base = { id: v.msg_id, timestamp: v.timestamp, body: v.payload, secret: v.secret };
    const variants = [
      sign({ ...base, id: `${v.msg_id}x` }),
      sign({ ...base, timestamp: v.timestamp + 1 }),
      sign({ ...base, body: `${v.payload} ` }),
    ];
    for (const variant of variants) expect(variant).not.toBe(v.expected_signature);
  });

  it.each([
    ['an id with a dot', { id: 'msg.1', timestamp: 1 }],
    ['an empty id', { id: '', timestamp: 1 }],
    ['a fractional timestamp', { id: 'msg_1', timestamp: 1.5 }],
    ['a negative timestamp', { id: 'msg_1', timestamp: -1 }],
  ])('refuses %s', (_label, message) => {
    expect(() => sign({ ...message, body: '{}', secret: signing[0].secret })).toThrow(RangeError);
  });
});

describe('buildWebhookHeaders', () => {
  const oldSecret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const newSecret = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
  const message = { id: 'msg_rotation', timestamp: 1_700_000_000, body: '{"type":"article.created"}' };
  const now = new Date(1_700_000_000_000);

  it('signs with every secret so subscribers holding either one verify during a rotation', () => {
    const headers = buildWebhookHeaders({ ...message, secrets: [newSecret, oldSecret] });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(headers['webhook-timestamp']).toBe('1700000000');
    for (const secret of [oldSecret, newSecret]) {
      expect(() => verify({ headers, body: message.body, secrets: [secret], now })).not.toThrow();
    }
  });

  it('needs at least one secret', () => {
    expect(() => buildWebhookHeaders({ ...message, secrets: [] })).toThrow(RangeError);
  });
});
