import { canonicalizeUrl, pickCanonicalUrl } from './url.canonicalizer';

describe('canonicalizeUrl', () => {
  it.each([
    ['HTTP://News.EXAMPLE.com/Politics/Story', 'http://news.example.com/Politics/Story'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com/a#comments', 'https://example.com/a'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://user:secret@example.com/a', 'https://example.com/a'],
    ['https://example.com./a', 'https://example.com/a'],
    ['https://bücher.example/über', 'https://xn--bcher-kva.example/%C3%BCber'],
    ['https://example.com/a/./b/../c', 'https://example.com/a/c'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['https://example.com/a/', 'https://example.com/a/'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('removes tracking parameters and keeps the others in order, with their encoding', () => {
    expect(
      canonicalizeUrl('https://example.com/a?utm_source=tw&page=2&fbclid=x&UTM_Medium=y&q=a%20b+c&gclid=1&&mc_cid=3&mc_eid=4&_ga=1.2&id=7'),
    ).toBe('https://example.com/a?page=2&q=a%20b+c&id=7');
    expect(canonicalizeUrl('https://example.com/a?utm_campaign=x&ocid=y&at_custom1=z')).toBe('https://example.com/a');
  });

  it('keeps parameters that only resemble tracking ones', () => {
    expect(canonicalizeUrl('https://example.com/a?utm=1&ref=home&gclid2=x')).toBe('https://example.com/a?utm=1&ref=home&gclid2=x');
  });

  it('resolves relative and protocol-relative URLs against base', () => {
    expect(canonicalizeUrl('/b?utm_source=x', { base: 'https://example.com/a/page' })).toBe('https://example.com/b');
    expect(canonicalizeUrl('//cdn.example.com/x', { base: 'https://example.com/' })).toBe('https://cdn.example.com/x');
    expect(canonicalizeUrl('c', { base: 'https://example.com/a/b' })).toBe('https://example.com/a/c');
  });

  it.each(['/relative', 'javascript:alert(1)', 'ftp://example.com/a', 'mailto:a@example.com', 'data:text/html,x', 'http://', ''])(
    'returns null for %j',
    (input) => {
      expect(canonicalizeUrl(input)).toBeNull();
    },
  );

  it('does not change a canonical URL when applied twice', () => {
    const once = canonicalizeUrl('HTTPS://Example.com:443/a?b=1&utm_x=2#f');
    expect(once && canonicalizeUrl(once)).toBe(once);
  });
});

describe('pickCanonicalUrl', () => {
  const pageUrl = 'https://m.example.com/news/story-1?utm_source=rss';

  it('prefers rel=canonical, then og:url, then the page URL', () => {
    expect(pickCanonicalUrl({ relCanonical: 'https://example.com/news/story-1', ogUrl: 'https://example.com/og', pageUrl })).toBe(
      'https://example.com/news/story-1',
    );
    expect(pickCanonicalUrl({ relCanonical: null, ogUrl: 'https://example.com/og#x', pageUrl })).toBe('https://example.com/og');
    expect(pickCanonicalUrl({ pageUrl })).toBe('https://m.example.com/news/story-1');
  });

  it('resolves a relative canonical against the page', () => {
    expect(pickCanonicalUrl({ relCanonical: '/news/story-1', pageUrl })).toBe('https://m.example.com/news/story-1');
  });

  it('skips invalid declarations and a canonical that points every page at the home page', () => {
    expect(pickCanonicalUrl({ relCanonical: 'javascript:void(0)', ogUrl: 'https://example.com/', pageUrl })).toBe(
      'https://m.example.com/news/story-1',
    );
    expect(pickCanonicalUrl({ relCanonical: 'https://example.com/', pageUrl: 'https://example.com/?utm_source=x' })).toBe(
      'https://example.com/',
    );
  });

  it('keeps a cross-domain canonical (syndication points at the original)', () => {
    expect(pickCanonicalUrl({ relCanonical: 'https://original.example.org/story', pageUrl })).toBe('https://original.example.org/story');
  });

  it('returns null when nothing is usable', () => {
    expect(pickCanonicalUrl({ relCanonical: '/a', pageUrl: 'not a url' })).toBeNull();
  });
});
