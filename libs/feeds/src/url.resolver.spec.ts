import { joinUrl, safeJoinUrl } from './url.resolver';

describe('joinUrl', () => {
  it.each([
    ['http://a/b/c/d;p?q', 'g', 'http://a/b/c/g'],
    ['http://a/b/c/d;p?q', '../g', 'http://a/b/g'],
    ['http://a/b/c/d;p?q', '/g', 'http://a/g'],
    ['http://a/b/c/d;p?q', '//g', 'http://g'],
    ['http://a/b/c/d;p?q', '?y', 'http://a/b/c/d;p?y'],
    ['http://a/b/c/d;p?q', '#s', 'http://a/b/c/d;p?q#s'],
    ['http://a/b/c/d;p?q', '', 'http://a/b/c/d;p?q'],
    ['http://example.com/', 'http:///example.com/x', 'http://example.com/x'],
    ['http://www.EXAMPLE.org/', '%7Ebob', 'http://www.EXAMPLE.org/%7Ebob'],
    ['http://example.com/', 'tag:example.com,2004:1', 'tag:example.com,2004:1'],
    ['http://www.詹姆斯.com/feed', 'x', 'http://www.詹姆斯.com/x'],
    ['', 'relative/path', 'relative/path'],
  ])('joinUrl(%j, %j) → %j', (base, ref, expected) => expect(joinUrl(base, ref)).toBe(expected));
});

describe('safeJoinUrl', () => {
  it('refuses schemes that run code', () => {
    expect(safeJoinUrl('http://a/', 'javascript:alert(1)')).toBe('');
    expect(safeJoinUrl('data:text/html,x')).toBe('');
    expect(safeJoinUrl('http://a/b/', 'c')).toBe('http://a/b/c');
  });
});
