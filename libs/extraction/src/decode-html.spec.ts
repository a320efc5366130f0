import iconv from 'iconv-lite';
import { decodeHtml } from './decode-html';

describe('decodeHtml', () => {
  it('decodes UTF-8, with or without a BOM', () => {
    const bytes = new TextEncoder().encode('<p>Grüße</p>');
    expect(decodeHtml(bytes)).toEqual({ html: '<p>Grüße</p>', charset: 'utf-8' });
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])).html).toBe('<p>Grüße</p>');
  });

  it('follows <meta charset> for legacy encodings', () => {
    const bytes = iconv.encode('<meta charset="iso-8859-1"><p>Grüße aus Köln</p>', 'latin1');
    expect(decodeHtml(bytes)).toEqual({ html: '<meta charset="iso-8859-1"><p>Grüße aus Köln</p>', charset: 'windows-1252' });
  });

  it('follows the Content-Type header charset', () => {
    const bytes = iconv.encode('<p>Привет, мир</p>', 'windows-1251');
    expect(decodeHtml(bytes, 'text/html; charset=windows-1251').html).toBe('<p>Привет, мир</p>');
  });

  it('trusts valid UTF-8 over a wrong declaration', () => {
    const bytes = new TextEncoder().encode('<meta charset="iso-8859-1"><p>Grüße</p>');
    expect(decodeHtml(bytes).html).toContain('Grüße');
  });

  it('guesses when nothing is declared and the bytes are not UTF-8', () => {
    const bytes = iconv.encode('<p>Les élèves étaient très contents de leur journée à la mer, déclare la directrice.</p>', 'windows-1252');
    expect(decodeHtml(bytes).html).toContain('élèves');
  });
});
