import { minhashSignature } from '@copydesk/normalize';
import type { Corpus, CorpusText } from './dedup-corpus';
import { scoreDedup, type FoundRelation } from './dedup-evaluation';
import { buildDedupSet, EXPECTED_RELATION, NEGATIVE_KINDS, VARIANT_KINDS, type DedupSet, type ProbeKind } from './dedup-set';
import { buildPassagePool, SyntheticStore } from './synthetic-store';

/**
 * The bench builds its set from ../shared (BBC News and the extraction pages); a fresh clone has neither, so the
 * builder's properties are checked on generated stories: seeded, sentence-shaped text from a made-up vocabulary,
 * in five sections and from several web outlets, which is all the builder looks at.
 */
function generatedCorpus(): Corpus {
  // mulberry32: 32-bit integer steps, so the sequence does not degrade as a float LCG's would.
  let seed = 1234;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vor', 'el', 'ni', 'das', 'po', 'qui', 'ber', 'an', 'zo'];
  const vocabulary = Array.from({ length: 4000 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => syllables[Math.floor(random() * syllables.length)]).join(''),
  );
  const word = (): string => vocabulary[Math.floor(random() * vocabulary.length)];
  const sentence = (): string => {
    const words = Array.from({ length: 8 + Math.floor(random() * 14) }, word);
    return `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const story = (id: string, corpus: 'bbc' | 'web', section: string, outlet: string): CorpusText => ({
    id,
    corpus,
    section,
    outlet,
    title: sentence().slice(0, -1),
    body: Array.from({ length: 5 }, () => Array.from({ length: 4 }, sentence).join(' ')).join('\n\n'),
  });
  const sections = ['business', 'entertainment', 'politics', 'sport', 'tech'];
  return {
    bbc: sections.flatMap((section) => Array.from({ length: 12 }, (_, i) => story(`${section}${i}`, 'bbc', section, 'bbc'))),
    web: Array.from({ length: 12 }, (_, i) => story(`web/${i}`, 'web', 'web', `outlet${i % 4}.example`)),
  };
}

// Small sizes keep this fast; the bench uses the defaults (60 + 20 per BBC category, every web page).
const corpus = generatedCorpus();
const SMALL = { originalsPerSection: 6, negativesPerSection: 4 };
const set = buildDedupSet(corpus, SMALL);
const ofKind = (s: DedupSet, kind: ProbeKind) => s.probes.filter((probe) => probe.kind === kind);
const snapshot = (s: DedupSet) =>
  JSON.stringify([
    s.originals,
    s.probes.map((p) => [p.key, p.kind, p.sourceSlug, p.title, p.body, p.publishedAt, p.expected, p.exactJaccard]),
  ]);

describe('bench:dedup test set', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(snapshot(buildDedupSet(corpus, SMALL))).toBe(snapshot(set));
    expect(snapshot(buildDedupSet(corpus, { ...SMALL, seed: 7 }))).not.toBe(snapshot(set));
  });

  it('has every variant kind for every original, and every kind of distinct story', () => {
    for (const kind of VARIANT_KINDS) {
      const variants = ofKind(set, kind);
      expect(variants).toHaveLength(set.originals.length);
      expect(new Set(variants.map((v) => v.originalKey))).toEqual(new Set(set.originals.map((o) => o.key)));
      expect(variants.every((v) => v.expected === EXPECTED_RELATION[kind] && v.expected !== null)).toBe(true);
    }
    for (const kind of NEGATIVE_KINDS) {
      expect(ofKind(set, kind).length).toBeGreaterThan(0);
      expect(ofKind(set, kind).every((probe) => probe.originalKey === null && probe.expected === null)).toBe(true);
    }
    expect(new Set(set.originals.map((o) => o.section)).size).toBeGreaterThan(3);
  });

  it('publishes same-source kinds under the original source and the others elsewhere', () => {
    const originals = new Map(set.originals.map((o) => [o.key, o]));
    const sameSource = (probe: DedupSet['probes'][number]) => probe.sourceSlug === originals.get(probe.originalKey ?? '')?.sourceSlug;
    for (const kind of VARIANT_KINDS) {
      const expectSame = EXPECTED_RELATION[kind] === 'same-article-update';
      expect(ofKind(set, kind).every((probe) => sameSource(probe) === expectSame)).toBe(true);
    }
    expect(ofKind(set, 'headline-change').every((probe) => probe.title !== originals.get(probe.originalKey ?? '')?.title)).toBe(true);
  });

  it('orders the kinds by how much text they keep, and keeps distinct stories apart', () => {
    const median = (kind: ProbeKind) => {
      const values = ofKind(set, kind)
        .map((probe) => probe.exactJaccard)
        .sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)];
    };
    expect(median('headline-change')).toBeGreaterThan(median('syndicated-copy'));
    expect(median('light-edit')).toBeGreaterThan(median('rewrite'));
    expect(median('rewrite')).toBeGreaterThan(0.1);
    for (const kind of NEGATIVE_KINDS) expect(Math.max(...ofKind(set, kind).map((probe) => probe.exactJaccard))).toBeLessThan(0.2);
  });
});

describe('bench:dedup scoring', () => {
  const originalFor = (probe: DedupSet['probes'][number]) => probe.originalKey ?? '';
  const perfect = new Map<string, FoundRelation[]>(
    set.probes.map((probe) => [
      probe.key,
      probe.originalKey ? [{ fromKey: probe.key, toKey: originalFor(probe), relation: probe.expected ?? '', similarity: 0.9 }] : [],
    ]),
  );

  it('gives a perfect run precision and recall 1', () => {
    const score = scoreDedup(set, { originalRelations: [], probeRelations: perfect });
    expect(score.detection).toMatchObject({ precision: 1, recall: 1, f1: 1, fp: 0 });
    expect(score.labelled.f1).toBe(1);
  });

  it('counts a relation to the wrong article as a false positive and a wrong label as a labelled miss', () => {
    const [first, second] = ofKind(set, 'light-edit');
    const distinct = ofKind(set, 'distinct-same-section')[0];
    const run = new Map(perfect);
    run.set(first.key, [{ fromKey: first.key, toKey: originalFor(first), relation: 'rewrite', similarity: 0.4 }]);
    run.set(distinct.key, [{ fromKey: distinct.key, toKey: originalFor(second), relation: 'rewrite', similarity: 0.2 }]);
    const score = scoreDedup(set, { originalRelations: [], probeRelations: run });
    expect(score.detection.fp).toBe(1);
    expect(score.detection.fn).toBe(0);
    expect(score.labelled.fn).toBe(1);
    expect(score.falsePositives.fromDistinct).toBe(1);
    expect(score.kinds.find((k) => k.kind === 'light-edit')).toMatchObject({
      found: set.originals.length,
      labelledRight: set.originals.length - 1,
    });
  });
});

describe('bench:dedup synthetic store', () => {
  const store = new SyntheticStore(buildPassagePool(corpus.bbc.slice(0, 200).map((text) => text.body)), 11);

  it('composes exactly the signature minhashSignature gives the whole text', () => {
    expect(() => store.verify([0, 1, 2, 3, 50, 999])).not.toThrow();
    const { title, body } = store.article(5);
    expect(Array.from(store.fingerprint(5).signature)).toEqual(Array.from(minhashSignature(`${title}\n${body}`)));
  });

  it('gives each index its own text, the same every time', () => {
    expect(store.article(3)).toEqual(store.article(3));
    expect(store.article(3).body).not.toBe(store.article(4).body);
  });
});
