import type { ArticleForPublishing } from './article-for-publishing.types';
import { ArticleEventType } from '@copydesk/contracts';
import { buildDeliveryPayload } from './delivery-payload.builder';
import type { DeliveryEnvelope } from './formats/json-envelope';
import { createNinjsValidator } from './ninjs-schema.testing';

const article: ArticleForPublishing = {
  id: '0b6a3c3e-9a0d-4c61-8d44-111111111111',
  revision: 1,
  status: 'published',
  title: 'Title',
  bodyHtml: '<p>Body</p>',
  bodyText: 'Body',
  byline: null,
  language: 'en',
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  modifiedAt: new Date('2026-01-01T00:00:00Z'),
  firstCreatedAt: new Date('2026-01-01T00:00:00Z'),
  canonicalUrl: null,
  description: null,
  image: null,
  embargoUntil: null,
  enrichment: { topics: [], entities: { people: [], organisations: [], places: [] } },
  source: { id: 's', slug: 'src', name: 'Source' },
};
const options = { baseUri: 'https://copydesk.example.com/articles/', occurredAt: new Date('2026-01-01T00:00:05Z') };
const parse = (body: string) => JSON.parse(body) as DeliveryEnvelope;

describe('buildDeliveryPayload', () => {
  it('wraps ninjs in a Standard Webhooks envelope, minified', () => {
    const body = buildDeliveryPayload(ArticleEventType.Created, article, 'ninjs', options);
    expect(body).not.toMatch(/\n/);
    const envelope = parse(body);
    expect(envelope.type).toBe('article.created');
    expect(envelope.timestamp).toBe('2026-01-01T00:00:05.000Z');
    expect(createNinjsValidator()(envelope.data).valid).toBe(true);
    expect(envelope.data).toMatchObject({
      uri: 'https://copydesk.example.com/articles/0b6a3c3e-9a0d-4c61-8d44-111111111111',
    });
  });

  it('wraps native JSON', () => {
    const envelope = parse(buildDeliveryPayload(ArticleEventType.Updated, article, 'native', options));
    expect(envelope.data).toMatchObject({ schemaVersion: 1, id: article.id });
  });

  it('is deterministic, so a stored body can be compared with a rebuilt one', () => {
    expect(buildDeliveryPayload(ArticleEventType.Created, article, 'ninjs', options)).toBe(
      buildDeliveryPayload(ArticleEventType.Created, article, 'ninjs', options),
    );
  });

  it('sends a kill as canceled, and refuses a kill event for a live article', () => {
    const killed = { ...article, status: 'killed' as const };
    expect(parse(buildDeliveryPayload(ArticleEventType.Killed, killed, 'ninjs', options)).data).toMatchObject({
      pubStatus: 'canceled',
    });
    expect(() => buildDeliveryPayload(ArticleEventType.Killed, article, 'native', options)).toThrow(RangeError);
  });
});
