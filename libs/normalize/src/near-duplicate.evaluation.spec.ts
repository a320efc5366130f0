import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyRelation, titleSimilarity, type DuplicateRelation } from './duplicate-relation.classifier';
import { jaccard, minhashBands, minhashSignature } from './minhash.hasher';
import { hammingDistance, simhash64, simhashBands } from './simhash.hasher';
import { wordShingles } from './word-shingles.util';

/**
 * SimHash against MinHash on synthetic copies of BBC News articles (../shared/nlp/bbc-news, read at test time):
 * the measurement behind choosing MinHash + LSH for the near-duplicate index and behind RELATION_THRESHOLDS.
 * Copies are generated with a seeded random source, so the figures are stable.
 */
interface Story {
  id: string;
  label: string;
  title: string;
  body: string;
}
type Kind = 'light-edit' | 'headline-change' | 'boilerplate-change' | 'syndicated-copy' | 'rewrite';

const stories = readFileSync(join(__dirname, '../../../../shared/nlp/bbc-news/train.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Story)
  .filter((_, i) => i % 11 === 0); // 157 stories across the five sections

let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
const vocabulary = stories.flatMap((story) => story.body.split(/\s+/));
const sentences = (text: string) => text.split(/(?<=[.!?])\s+/);
const editWords = (text: string, rate: number) =>
  text
    .split(' ')
    .map((word) => (random() < rate ? pick(vocabulary) : word))
    .join(' ');
const FOOTER =
  'Share this article on Facebook, Twitter, WhatsApp or by email. Sign up for our daily newsletter to get the top ' +
  'stories in your inbox. Copyright 2026 Example Media Group. All rights reserved. This material may not be ' +
  'published, broadcast, rewritten or redistributed.';

/** A copy of `story` of the given kind, as [title, body]; `other` lends unrelated sentences and headlines. */
const makeCopy: Record<Kind, (story: Story, other: Story) => [string, string]> = {
  'light-edit': (s, o) => [s.title, `${editWords(s.body, 0.02)} ${pick(sentences(o.body))}`],
  'headline-change': (s, o) => [o.title, s.body],
  'boilerplate-change': (s) => [s.title, `Advertisement\n${s.body}\n\n${FOOTER}`],
  'syndicated-copy': (s) => {
    const kept = sentences(s.body);
    return [s.title, `LONDON (Agency) - ${kept.slice(0, Math.max(1, kept.length - 2)).join(' ')}\n\nReporting by Jane Roe. ${FOOTER}`];
  },
  rewrite: (s, o) => {
    const kept = sentences(s.body)
      .filter(() => random() < 0.6)
      .map((sentence) => editWords(sentence, 0.1));
    return [editWords(s.title, 0.5), `${pick(sentences(o.body))} ${kept.join(' ')} ${pick(sentences(o.body))}`];
  },
};
const expected: Record<Kind, { sameSource: boolean; relation: DuplicateRelation }> = {
  'light-edit': { sameSource: true, relation: 'same-article-update' },
  'headline-change': { sameSource: true, relation: 'same-article-update' },
  'boilerplate-change': { sameSource: false, relation: 'syndicated-copy' },
  'syndicated-copy': { sameSource: false, relation: 'syndicated-copy' },
  rewrite: { sameSource: false, relation: 'rewrite' },
};

interface Pair {
  hamming: number;
  similarity: number;
  simhashCandidate: boolean;
  minhashCandidate: boolean;
  relation: DuplicateRelation | null;
}
const sharesBand = (a: number[], b: number[]) => a.some((band, i) => band === b[i]);
const fingerprint = (title: string, body: string) => {
  const text = `${title}\n\n${body}`;
  const simhash = simhash64(text);
  const signature = minhashSignature(text);
  return { title, simhash, simhashBands: simhashBands(simhash), signature, minhashBands: minhashBands(signature) };
};
type Fingerprint = ReturnType<typeof fingerprint>;
const compare = (a: Fingerprint, b: Fingerprint, sameSource: boolean): Pair => {
  const similarity = jaccard(a.signature, b.signature);
  return {
    hamming: hammingDistance(a.simhash, b.simhash),
    similarity,
    simhashCandidate: sharesBand(a.simhashBands, b.simhashBands),
    minhashCandidate: sharesBand(a.minhashBands, b.minhashBands),
    relation: classifyRelation({
      sameSource,
      similarity,
      titleSimilarity: titleSimilarity(a.title, b.title),
      timeGapHours: 3,
    }),
  };
};

const originals = stories.map((story) => fingerprint(story.title, story.body));
const copies = new Map<Kind, Pair[]>();
stories.forEach((story, i) => {
  const other = stories[(i + 7) % stories.length];
  for (const kind of Object.keys(makeCopy) as Kind[]) {
    const copy = fingerprint(...makeCopy[kind](story, other));
    copies.set(kind, [...(copies.get(kind) ?? []), compare(originals[i], copy, expected[kind].sameSource)]);
  }
});

// Distinct stories from the same section (the hard negatives). The BBC set itself holds a few republished
// stories; pairs whose exact shingle sets overlap by more than 20 % are true duplicates and left out.
const exactJaccard = (a: Set<string>, b: Set<string>) => {
  let shared = 0;
  for (const shingle of a) if (b.has(shingle)) shared++;
  return shared / (a.size + b.size - shared);
};
const shingleSets = stories.map((story) => new Set(wordShingles(`${story.title}\n\n${story.body}`)));
const distinct: Pair[] = [];
for (let i = 0; i < stories.length; i++) {
  for (let j = i + 1; j < stories.length; j++) {
    if (stories[i].label !== stories[j].label || exactJaccard(shingleSets[i], shingleSets[j]) > 0.2) continue;
    distinct.push(compare(originals[i], originals[j], j % 2 === 0));
  }
}

const share = (pairs: Pair[], test: (pair: Pair) => boolean) => pairs.filter(test).length / pairs.length;

describe('near-duplicate detection on synthetic copies of BBC articles', () => {
  it('has enough material', () => {
    expect(stories.length).toBeGreaterThan(150);
    expect(distinct.length).toBeGreaterThan(2_000);
  });

  it('MinHash LSH (32 × 4) finds every lightly edited, re-headlined, re-templated or syndicated copy', () => {
    for (const kind of ['light-edit', 'headline-change', 'boilerplate-change'] as const) {
      expect(share(copies.get(kind) ?? [], (p) => p.minhashCandidate)).toBe(1);
    }
    expect(share(copies.get('syndicated-copy') ?? [], (p) => p.minhashCandidate)).toBeGreaterThanOrEqual(0.97);
  });

  it('SimHash bands (4 × 16, Hamming ≤ 3 guaranteed) miss most of the same copies', () => {
    // Measured: light edits sit 4–14 bits apart (p5–p95), syndicated copies 5–19.
    expect(share(copies.get('light-edit') ?? [], (p) => p.simhashCandidate)).toBeLessThan(0.5);
    expect(share(copies.get('syndicated-copy') ?? [], (p) => p.simhashCandidate)).toBeLessThan(0.5);
    expect(share(copies.get('light-edit') ?? [], (p) => p.hamming <= 3)).toBeLessThan(0.1);
  });

  it('neither index turns distinct same-section stories into candidates', () => {
    expect(share(distinct, (p) => p.minhashCandidate)).toBe(0);
    expect(share(distinct, (p) => p.simhashCandidate)).toBeLessThan(0.001);
    expect(Math.max(...distinct.map((p) => p.similarity))).toBeLessThan(RELATED);
  });

  it('labels each kind of copy as intended', () => {
    const accuracy = (kind: Kind) => share(copies.get(kind) ?? [], (p) => p.relation === expected[kind].relation);
    expect(accuracy('light-edit')).toBe(1);
    expect(accuracy('headline-change')).toBe(1);
    expect(accuracy('boilerplate-change')).toBe(1);
    expect(accuracy('syndicated-copy')).toBeGreaterThanOrEqual(0.95);
    expect(accuracy('rewrite')).toBeGreaterThanOrEqual(0.85);
    expect(share(distinct, (p) => p.relation === null)).toBe(1);
  });
});

const RELATED = 0.15;
