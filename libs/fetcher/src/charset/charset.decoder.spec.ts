import iconv from 'iconv-lite';
import { decodeBody } from './charset.decoder';
import { resolveCharset } from './charset.labels';
import { sniffMetaCharset } from './charset.sniffer';

// Sample sentences written for these tests, long enough for statistical detection.
const RUSSIAN =
  'Редакция получила сообщение о том, что городской совет утвердил новый бюджет. Депутаты обсуждали расходы на ' +
  'транспорт, школы и больницы почти шесть часов, а жители следили за заседанием в прямом эфире.';
const JAPANESE =
  '編集部には毎朝たくさんの記事が届きます。記者は東京の市場や地方の祭り、新しい法律についての原稿を書き、' +
  'デスクがそれを確認してから読者に届けます。';
const CHINESE = '新闻编辑部每天都会收到大量的稿件。记者们报道城市交通、经济发展和文化活动，编辑负责核实事实并及时发布新闻。';
const FRENCH = 'Le rédacteur a relu l’article « Élection » — puis il l’a envoyé à l’équipe de nuit. Très réussi, façon œuvre.';
const POLISH = 'Zażółć gęślą jaźń: redakcja przygotowała łączny przegląd wiadomości.';

const encode = (text: string, charset: string): Buffer => iconv.encode(text, charset);
const html = (head: string, body: string): string =>
  `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

describe('decodeBody', () => {
  it('uses the Content-Type charset', () => {
    const decoded = decodeBody(encode(POLISH, 'iso-8859-2'), 'text/html; charset="ISO-8859-2"');
    expect(decoded).toEqual({ text: POLISH, charset: 'iso-8859-2', source: 'header' });
  });

  it('decodes ISO-8859-1 and ASCII labels as windows-1252, as browsers do', () => {
    const bytes = encode(FRENCH, 'windows-1252');
    expect(decodeBody(bytes, 'text/html; charset=iso-8859-1')).toEqual({ text: FRENCH, charset: 'windows-1252', source: 'header' });
    expect(decodeBody(bytes, 'text/plain; charset=us-ascii').text).toBe(FRENCH);
  });

  it('lets a byte-order mark win over a wrong header', () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FRENCH)]);
    expect(decodeBody(utf8, 'text/html; charset=iso-8859-1')).toEqual({ text: FRENCH, charset: 'utf-8', source: 'bom' });
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), encode(RUSSIAN, 'utf-16le')]);
    expect(decodeBody(utf16le)).toEqual({ text: RUSSIAN, charset: 'utf-16le', source: 'bom' });
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), encode(JAPANESE, 'utf-16be')]);
    expect(decodeBody(utf16be)).toEqual({ text: JAPANESE, charset: 'utf-16be', source: 'bom' });
  });

  it('reads the XML declaration', () => {
    const feed = `<?xml version="1.0" encoding="KOI8-R"?><rss><channel><title>${RUSSIAN}</title></channel></rss>`;
    const decoded = decodeBody(encode(feed, 'koi8-r'), 'application/rss+xml');
    expect(decoded).toEqual({ text: feed, charset: 'koi8-r', source: 'xml' });
    const gbk = `<?xml version='1.0' encoding='gb2312' ?><feed><title>${CHINESE}</title></feed>`;
    expect(decodeBody(encode(gbk, 'gb18030'), 'application/atom+xml')).toEqual({ text: gbk, charset: 'gb18030', source: 'xml' });
  });

  it('recognises a UTF-16 XML document without BOM, and ignores a UTF-16 declaration in ASCII bytes', () => {
    const feed = `<?xml version="1.0" encoding="UTF-16"?><rss><title>${JAPANESE}</title></rss>`;
    expect(decodeBody(encode(feed, 'utf-16le'))).toMatchObject({ text: feed, charset: 'utf-16le', source: 'xml' });
    // Transcoded to UTF-8 without updating the declaration: WHATWG says UTF-8.
    expect(decodeBody(Buffer.from(feed, 'utf8'))).toMatchObject({ text: feed, charset: 'utf-8', source: 'xml' });
  });

  it('reads <meta charset> and http-equiv in HTML', () => {
    const sjis = html('<meta charset="Shift_JIS">', JAPANESE);
    expect(decodeBody(encode(sjis, 'shift_jis'), 'text/html')).toEqual({ text: sjis, charset: 'shift_jis', source: 'meta' });
    const gb = html('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', CHINESE);
    expect(decodeBody(encode(gb, 'gb18030'))).toEqual({ text: gb, charset: 'gb18030', source: 'meta' });
    const cyrillic = html("<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=windows-1251'>", RUSSIAN);
    expect(decodeBody(encode(cyrillic, 'windows-1251'))).toMatchObject({ charset: 'windows-1251', source: 'meta' });
  });

  it('ignores meta declarations inside comments and after the scan window', () => {
    expect(sniffMetaCharset(Buffer.from('<!-- <meta charset="koi8-r"> --><meta charset="utf-8">'))).toBe('utf-8');
    expect(sniffMetaCharset(Buffer.from(`<html>${' '.repeat(5000)}<meta charset="koi8-r">`))).toBeUndefined();
  });

  it('prefers the header over the declarations', () => {
    const page = html('<meta charset="koi8-r">', RUSSIAN);
    expect(decodeBody(encode(page, 'windows-1251'), 'text/html; charset=windows-1251')).toMatchObject({
      text: page,
      source: 'header',
    });
  });

  it.each([
    ['koi8-r', RUSSIAN, 'koi8-r'],
    ['windows-1251', RUSSIAN, 'windows-1251'],
    ['shift_jis', JAPANESE, 'shift_jis'],
    ['euc-jp', JAPANESE, 'euc-jp'],
    ['gb18030', CHINESE, 'gb18030'],
    ['windows-1252', FRENCH, 'windows-1252'],
  ])('detects undeclared %s', (charset, text, expected) => {
    const page = html('', text);
    expect(decodeBody(encode(page, charset), 'text/html')).toEqual({ text: page, charset: expected, source: 'detected' });
  });

  it('takes valid UTF-8 as UTF-8 without asking the detector', () => {
    expect(decodeBody(Buffer.from(JAPANESE))).toEqual({ text: JAPANESE, charset: 'utf-8', source: 'detected' });
    expect(decodeBody(Buffer.from('plain ascii'))).toMatchObject({ charset: 'utf-8', source: 'detected' });
  });

  it('falls through unknown or refused labels, and decodes empty input as UTF-8', () => {
    expect(decodeBody(Buffer.from(FRENCH), 'text/html; charset=x-nonsense')).toMatchObject({ text: FRENCH, source: 'detected' });
    // UTF-7 is refused everywhere on the web (it smuggles markup past filters).
    expect(decodeBody(Buffer.from('+ADw-script+AD4-'), 'text/html; charset=utf-7')).toMatchObject({ charset: 'utf-8' });
    expect(decodeBody(new Uint8Array(0))).toEqual({ text: '', charset: 'utf-8', source: 'default' });
  });

  it('round-trips GB18030 four-byte sequences (characters outside GBK)', () => {
    const text = `${CHINESE} 𠀀 😀 €`;
    expect(decodeBody(encode(text, 'gb18030'), 'text/plain; charset=GB18030').text).toBe(text);
  });

  it('accepts a Uint8Array view into a larger buffer', () => {
    const backing = Buffer.concat([Buffer.from('xxxx'), encode(RUSSIAN, 'koi8-r')]);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 4, backing.length - 4);
    expect(decodeBody(view, 'text/plain; charset=koi8-r').text).toBe(RUSSIAN);
  });
});

describe('resolveCharset', () => {
  it.each([
    ['UTF8', 'utf-8'],
    ['latin1', 'windows-1252'],
    ['ISO_8859-1:1987', 'windows-1252'],
    ['iso-8859-9', 'windows-1254'],
    ['tis-620', 'windows-874'],
    ['cp1250', 'windows-1250'],
    ['x-sjis', 'shift_jis'],
    ['GBK', 'gb18030'],
    ['Big5', 'big5'],
    ['ks_c_5601-1987', 'euc-kr'],
    ['koi8-u', 'koi8-u'],
    ['ISO-8859-15', 'iso-8859-15'],
    ['"utf-16"', 'utf-16le'],
  ])('%s → %s', (label, name) => {
    expect(resolveCharset(label)?.name).toBe(name);
  });

  it.each(['utf-7', 'iso-2022-kr', 'iso-8859-12', 'nonsense', ''])('refuses %s', (label) => {
    expect(resolveCharset(label)).toBeUndefined();
  });
});
