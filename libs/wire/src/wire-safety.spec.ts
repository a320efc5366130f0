import { wireFixture } from './fixtures/wire-fixtures';
import { parseWire } from './parse-wire';
import { WireParseError, WireParseErrorCode } from './wire.exception';

function refusal(run: () => unknown): WireParseError {
  try {
    run();
  } catch (err) {
    if (err instanceof WireParseError) return err;
    throw err;
  }
  throw new Error('the document was not refused');
}

const item = (inner: string) => `<newsItem guid="g" version="1"><contentMeta><headline>x</headline></contentMeta>${inner}</newsItem>`;

describe('wire documents that must be refused, quickly and clearly', () => {
  it.each(['bomb-billion-laughs.xml', 'bomb-external-entity.xml', 'bomb-parameter-entity.xml'])(
    '%s: entities are refused, never expanded',
    (name) => {
      const started = performance.now();
      const error = refusal(() => parseWire(wireFixture(`edge/${name}`)));
      expect(error.code).toBe(WireParseErrorCode.EntityRefused);
      expect(error.message).toMatch(/declares entities/);
      expect(performance.now() - started).toBeLessThan(200);
    },
  );

  it('an entity declaration after the prolog is refused too', () => {
    const error = refusal(() => parseWire(item('<!ENTITY x "y"><contentSet/>')));
    expect(error.code).toBe(WireParseErrorCode.EntityRefused);
  });

  it('a DOCTYPE naming a DTD is read without loading it; undeclared references stay text', () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE nitf SYSTEM "http://127.0.0.1:9/nitf.dtd"><nitf><body><body.head><hedline><hl1>A &amp; B &copy; &nope;</hl1></hedline></body.head></body></nitf>`;
    expect(parseWire(doc).articles[0].title).toBe('A & B © &nope;');
  });

  it('elements nested deeper than the limit: refused with the limit in the message', () => {
    const deep = item(`<contentSet><inlineXML>${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}</inlineXML></contentSet>`);
    const error = refusal(() => parseWire(deep));
    expect(error.code).toBe(WireParseErrorCode.TooDeep);
    expect(error.message).toBe('elements are nested deeper than 256 levels');
    // and a lower limit applies when given
    expect(refusal(() => parseWire(item('<a><b><c/></b></a>'), { limits: { maxDepth: 3 } })).code).toBe(WireParseErrorCode.TooDeep);
  });

  it('unclosed elements nested deeper than the limit (tag soup) are refused the same way', () => {
    expect(refusal(() => parseWire(item('<p>'.repeat(1_000)))).code).toBe(WireParseErrorCode.TooDeep);
  });

  it('JSON nested deeper than the limit is refused', () => {
    const deep = `{"uri":"u","type":"text","x":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    expect(refusal(() => parseWire(deep)).code).toBe(WireParseErrorCode.TooDeep);
  });

  it('a document over the byte limit is refused before it is read', () => {
    const big = Buffer.from(item(`<contentSet><inlineData>${'a'.repeat(2_000)}</inlineData></contentSet>`));
    const error = refusal(() => parseWire(big, { limits: { maxBytes: 1_000 } }));
    expect(error).toMatchObject({ code: WireParseErrorCode.TooLarge, message: 'the document is larger than 1000 bytes' });
    expect(parseWire(big, { limits: { maxBytes: 10_000 } }).articles).toHaveLength(1);
  });

  it('says what is wrong with documents that are not wire copy', () => {
    expect(refusal(() => parseWire('')).message).toBe('the document is empty');
    expect(refusal(() => parseWire('<rss version="2.0"><channel/></rss>'))).toMatchObject({
      code: WireParseErrorCode.NotWire,
      message: '<rss> is not a NewsML-G2 news item or message',
    });
    expect(refusal(() => parseWire('{"title": "no uri"}')).code).toBe(WireParseErrorCode.NotWire);
    expect(refusal(() => parseWire('{"uri": "x", "type": "text"', { contentType: 'application/ninjs+json' }))).toMatchObject({
      code: WireParseErrorCode.InvalidJson,
      message: expect.stringMatching(/^the document is not valid JSON/),
    });
    expect(refusal(() => parseWire('<p>hello</p>', { contentType: 'text/html' }))).toMatchObject({
      code: WireParseErrorCode.NotWire,
      message: 'text/html is not a wire format media type',
    });
    expect(refusal(() => parseWire('just words')).code).toBe(WireParseErrorCode.NotWire);
    expect(refusal(() => parseWire('<planningItem guid="p"/>'))).toMatchObject({ code: WireParseErrorCode.Unsupported });
  });

  it('a minimal ninjs object is accepted when the media type says ninjs', () => {
    expect(parseWire('{"uri": "urn:x"}', { contentType: 'application/ninjs+json' }).others).toHaveLength(1);
  });
});
