import { DEFAULT_ACCEPTED_CONTENT_TYPES, isContentTypeAccepted, isTextualMediaType, parseMediaType } from './content-type.policy';

describe('content-type policy', () => {
  it('parses media types with parameters', () => {
    expect(parseMediaType('Text/HTML; Charset="UTF-8"; foo=bar')).toEqual({
      essence: 'text/html',
      params: { charset: 'UTF-8', foo: 'bar' },
    });
    expect(parseMediaType('application/rss+xml')).toEqual({ essence: 'application/rss+xml', params: {} });
    expect(parseMediaType('garbage')).toBeUndefined();
    expect(parseMediaType(undefined)).toBeUndefined();
  });

  it.each([
    ['text/html', true],
    ['application/rss+xml', true],
    ['application/atom+xml', true],
    ['application/vnd.custom+xml', true],
    ['application/feed+json', true],
    ['text/plain', true],
    ['image/png', false],
    ['application/octet-stream', false],
    ['application/pdf', false],
    ['video/mp4', false],
  ])('default patterns: %s accepted = %s', (essence, accepted) => {
    expect(isContentTypeAccepted(essence, DEFAULT_ACCEPTED_CONTENT_TYPES)).toBe(accepted);
  });

  it('supports type wildcards and */*', () => {
    expect(isContentTypeAccepted('image/webp', ['image/*'])).toBe(true);
    expect(isContentTypeAccepted('text/html', ['image/*'])).toBe(false);
    expect(isContentTypeAccepted('anything/at-all', ['*/*'])).toBe(true);
  });

  it('knows which bodies are text', () => {
    expect(['text/csv', 'application/xml', 'application/ld+json', 'application/json'].every(isTextualMediaType)).toBe(true);
    expect(['image/png', 'application/pdf', 'application/octet-stream'].some(isTextualMediaType)).toBe(false);
  });
});
