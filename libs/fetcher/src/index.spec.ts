import { checkUrlPolicy, decodeBody, Fetcher, FetchError, FetchErrorCode, isForbiddenAddress } from '@copydesk/fetcher';

// Through the path alias, as the apps and other libs import it.
describe('@copydesk/fetcher public API', () => {
  it('refuses internal URLs at once, for the API to answer 4xx', () => {
    expect(() => checkUrlPolicy('gopher://127.0.0.1:6379/_INFO')).toThrow(FetchError);
    expect(isForbiddenAddress('169.254.169.254')).toBe(true);
    expect(checkUrlPolicy('https://example.com/feed').hostname).toBe('example.com');
  });

  it('decodes bodies for the feed and page parsers', () => {
    expect(decodeBody(Buffer.from([0x93, 0x68, 0x69, 0x94]), 'text/plain; charset=iso-8859-1').text).toBe('“hi”');
  });

  it('refuses loopback by default', async () => {
    const fetcher = new Fetcher({ userAgent: 'CopydeskTest/1.0' });
    try {
      await expect(fetcher.fetch('http://127.0.0.1:9/')).rejects.toMatchObject({ code: FetchErrorCode.AddressRefused });
    } finally {
      await fetcher.close();
    }
  });

  it('validates its options', () => {
    expect(() => new Fetcher({ userAgent: ' ' })).toThrow(TypeError);
    expect(() => new Fetcher({ userAgent: 'Bot\r\nX-Injected: 1' })).toThrow(TypeError);
    expect(() => new Fetcher({ userAgent: 'Bot', maxBytes: 0 })).toThrow(TypeError);
  });
});
