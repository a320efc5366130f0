import iconv from 'iconv-lite';
import { gzipSync } from 'node:zlib';
import { closeTestFetchers, testFetcher } from './testing/fetcher.testing';
import { type LoopbackServer, startLoopbackServer } from './testing/loopback.server';

const RUSSIAN = 'Новости дня: городской совет утвердил бюджет на следующий год, а жители обсуждают новые маршруты автобусов.';
const JAPANESE = '本日のニュース：市議会は来年度の予算を承認し、住民は新しいバス路線について話し合っています。';
const FRENCH = 'Dépêche : « l’équipe de nuit » a publié l’édition — mise à jour à 23 h.';

interface Page {
  contentType: string;
  body: Buffer;
  gzip?: boolean;
}

describe('Fetcher charset handling over HTTP', () => {
  let server: LoopbackServer;
  const rssKoi8 = `<?xml version="1.0" encoding="koi8-r"?><rss version="2.0"><channel><title>${RUSSIAN}</title></channel></rss>`;
  const htmlSjis = `<html><head><meta charset="shift_jis"><title>t</title></head><body>${JAPANESE}</body></html>`;
  const pages: Record<string, Page> = {
    '/koi8-feed': { contentType: 'application/rss+xml', body: iconv.encode(rssKoi8, 'koi8-r'), gzip: true },
    '/sjis-page': { contentType: 'text/html', body: iconv.encode(htmlSjis, 'shift_jis') },
    '/cp1252-header': { contentType: 'text/plain; charset=windows-1252', body: iconv.encode(FRENCH, 'windows-1252') },
    '/undeclared-1251': { contentType: 'text/html', body: iconv.encode(`<p>${RUSSIAN}</p>`, 'windows-1251') },
    '/json': { contentType: 'application/feed+json', body: Buffer.from(JSON.stringify({ title: JAPANESE })) },
  };

  beforeAll(async () => {
    server = await startLoopbackServer((request, response) => {
      const page = pages[request.url ?? ''];
      if (!page) {
        response.writeHead(404).end();
        return;
      }
      const headers: Record<string, string> = { 'content-type': page.contentType };
      if (page.gzip) headers['content-encoding'] = 'gzip';
      response.writeHead(200, headers).end(page.gzip ? gzipSync(page.body) : page.body);
    });
  });
  afterAll(async () => {
    await closeTestFetchers();
    await server.close();
  });

  it.each([
    ['/koi8-feed', rssKoi8, 'koi8-r', 'xml'],
    ['/sjis-page', htmlSjis, 'shift_jis', 'meta'],
    ['/cp1252-header', FRENCH, 'windows-1252', 'header'],
    ['/undeclared-1251', `<p>${RUSSIAN}</p>`, 'windows-1251', 'detected'],
    ['/json', JSON.stringify({ title: JAPANESE }), 'utf-8', 'detected'],
  ])('%s decodes to UTF-8 text', async (path, text, charset, source) => {
    const result = await testFetcher().fetch(`${server.origin}${path}`);
    expect({ text: result.text, charset: result.charset, source: result.charsetSource }).toEqual({ text, charset, source });
    // The raw bytes stay available for parsers that sniff for themselves.
    expect(result.bytes.equals(pages[path]?.body ?? Buffer.alloc(0))).toBe(true);
  });
});
