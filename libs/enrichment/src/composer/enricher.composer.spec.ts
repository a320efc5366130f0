import { composeEnrichment, enrichArticle } from '../article.enricher';
import { DEFAULT_COMPOSER, ENRICHER_GENERATION, ENRICHERS } from '../enricher.registry';
import { ENRICHER_VERSION } from '../enricher.version';
import { WIRE_ARTICLE } from '../fixtures/wire.fixture';
import { splitSentences } from '../text/text.tokenizer';
import type { Enricher } from './enricher';
import { EnricherComposer, EnricherGraphError } from './enricher.composer';
import { WORDS_PER_SENTENCE_ENRICHER } from './example-words-per-sentence/words-per-sentence.enricher';

const stub = (slice: string, reads: string[], run: Enricher['run'] = () => slice): Enricher => ({ slice, version: '1', reads, run });

describe('EnricherComposer', () => {
  it('adds an enricher with one registration line: its slice is stored and the version moves', () => {
    const composer = new EnricherComposer([...ENRICHERS, WORDS_PER_SENTENCE_ENRICHER], ENRICHER_GENERATION);
    const out = composeEnrichment(composer, WIRE_ARTICLE);
    const plain = enrichArticle(WIRE_ARTICLE);
    expect(typeof out.wordsPerSentence).toBe('number');
    expect(out.wordsPerSentence).toBe(Math.round((plain.wordCount / splitSentences(WIRE_ARTICLE.bodyText).length) * 10) / 10);
    // Everything else is what the registry alone gives.
    const { wordsPerSentence: _extra, enricherVersion, ...rest } = out;
    const { enricherVersion: plainVersion, ...plainRest } = plain;
    expect(rest).toEqual(plainRest);
    expect(enricherVersion).not.toBe(plainVersion);
    expect(composer.order.indexOf(WORDS_PER_SENTENCE_ENRICHER)).toBeGreaterThan(composer.order.findIndex((e) => e.slice === 'wordCount'));
  });

  it('derives ENRICHER_VERSION from the enrichers: bumping one changes it, the order of registration does not', () => {
    expect(ENRICHER_VERSION).toBe(DEFAULT_COMPOSER.version);
    expect(ENRICHER_VERSION).toMatch(new RegExp(`^${ENRICHER_GENERATION}\\+[0-9a-f]{8}$`));
    const bumped = ENRICHERS.map((e) => (e.slice === 'quotes' ? { ...e, version: `${e.version}.1` } : e));
    expect(new EnricherComposer(bumped, ENRICHER_GENERATION).version).not.toBe(ENRICHER_VERSION);
    expect(new EnricherComposer([...ENRICHERS].reverse(), ENRICHER_GENERATION).version).toBe(ENRICHER_VERSION);
    expect(new EnricherComposer(ENRICHERS, '99').version).not.toBe(ENRICHER_VERSION);
  });

  it('runs enrichers after what they read, whatever the registration order, and hands each only its reads', () => {
    const seen: Record<string, string[]> = {};
    const spy = (slice: string, reads: string[]): Enricher =>
      stub(slice, reads, (_doc, slices) => {
        seen[slice] = Object.keys(slices).sort();
        return `${slice}(${reads.map((r) => String(slices[r])).join(',')})`;
      });
    const composer = new EnricherComposer([spy('c', ['b', 'a']), spy('b', ['a']), spy('a', []), spy('d', [])], 'x');
    expect(composer.order.map((e) => e.slice)).toEqual(['a', 'b', 'c', 'd']);
    expect(composeEnrichment(composer, { title: 't', bodyText: 'One. Two.' })).toMatchObject({ c: 'c(b(a()),a())', d: 'd()' });
    expect(seen).toEqual({ a: [], b: ['a'], c: ['a', 'b'], d: [] });
  });

  it('leaves internal slices out of the stored enrichment', () => {
    const e = enrichArticle(WIRE_ARTICLE) as unknown as Record<string, unknown>;
    expect(e).not.toHaveProperty('entityAnalysis');
    expect(e).not.toHaveProperty('blockQuotes');
    expect(e).not.toHaveProperty('languagePack');
    expect(Object.keys(e).sort()).toEqual(
      ['enricherVersion', 'schemeVersion', 'topicModelVersion', ...ENRICHERS.filter((x) => !x.internal).map((x) => x.slice)].sort(),
    );
  });

  it('refuses a bad graph when it is built: a cycle, a missing slice, a slice written twice', () => {
    expect(() => new EnricherComposer([stub('a', ['c']), stub('b', ['a']), stub('c', ['b']), stub('d', [])], 'x')).toThrow(
      new EnricherGraphError('enrichers read each other in a cycle: a -> c -> b -> a'),
    );
    expect(() => new EnricherComposer([stub('a', ['a'])], 'x')).toThrow(/cycle: a -> a/);
    expect(() => new EnricherComposer([stub('a', ['nowhere'])], 'x')).toThrow(/"a" reads "nowhere", which no enricher writes/);
    expect(() => new EnricherComposer([stub('a', []), stub('a', [])], 'x')).toThrow(/two enrichers write the slice "a"/);
  });
});
