import { normalizeLanguageTag } from './language-tag.normalizer';

describe('normalizeLanguageTag', () => {
  it.each([
    ['en-us', 'en-US'],
    ['EN', 'en'],
    ['zh_hant_tw', 'zh-Hant-TW'],
    [' pt_br ', 'pt-BR'],
    ['sr-latn-rs', 'sr-Latn-RS'],
    ['es-419', 'es-419'],
    ['iw', 'he'],
    ['en-UK', 'en-GB'],
    ['cmn-Hans-CN', 'zh-Hans-CN'],
    ['de-DE-1996', 'de-DE-1996'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLanguageTag(input)).toBe(expected);
  });

  it.each(['', '   ', 'english', 'en-US,en;q=0.9', 'en--US', '12', 'x-private', 'und', 'und-Latn', 'e', 'en US'])('rejects %j', (input) => {
    expect(normalizeLanguageTag(input)).toBeNull();
  });

  it('passes null and undefined through as null', () => {
    expect(normalizeLanguageTag(null)).toBeNull();
    expect(normalizeLanguageTag(undefined)).toBeNull();
  });
});
