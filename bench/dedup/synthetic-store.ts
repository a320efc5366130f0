import { contentWords, MINHASH_SIZE, minhashSignature } from '@copydesk/normalize';
import { SeededRandom } from './seeded-random';
import { toParagraphs } from './text-edits';

/**
 * Synthetic articles for filling the near-duplicate index to 100k: each is a random run of real passages (one or
 * two consecutive sentences of a corpus article; as many as a real article has) under a headline cut from another
 * passage, so shingle statistics are those of news text while every article is a different text. Article `i` is a
 * pure function of (seed, i).
 *
 * Hashing 100k texts with `minhashSignature` takes ~1 ms each. A MinHash signature is a minimum over shingles, so
 * the signature of a concatenation is the element-wise minimum of its pieces' signatures and those of the two
 * shingles spanning each joint: passage signatures are computed once and combined ({@link SyntheticStore.verify}
 * checks the result against `minhashSignature` of the whole text). Two-sentence passages halve the joints, which
 * cost ~15 µs each.
 */
export interface PassagePool {
  readonly passages: readonly string[];
  /** `contentWords` of each passage: every one has at least 3, so its own signature covers exactly its shingles. */
  readonly words: ReadonlyArray<readonly string[]>;
  /** Passage counts of the real articles the pool came from: the synthetic length distribution. */
  readonly articleLengths: readonly number[];
}

const MIN_PASSAGE_WORDS = 4;
const MAX_PASSAGE_WORDS = 120;

export function buildPassagePool(bodies: readonly string[]): PassagePool {
  const passages: string[] = [];
  const words: string[][] = [];
  const articleLengths: number[] = [];
  for (const body of bodies) {
    let count = 0;
    for (const sentences of toParagraphs(body)) {
      for (let s = 0; s < sentences.length; s += 2) {
        const passage = sentences.slice(s, s + 2).join(' ');
        const tokens = contentWords(passage);
        if (tokens.length < MIN_PASSAGE_WORDS || tokens.length > MAX_PASSAGE_WORDS) continue;
        passages.push(passage);
        words.push(tokens);
        count++;
      }
    }
    if (count > 0) articleLengths.push(Math.min(40, Math.max(3, count)));
  }
  return { passages, words, articleLengths };
}

export interface SyntheticArticle {
  readonly title: string;
  readonly body: string;
}

interface Composition {
  readonly title: string;
  readonly passageIds: readonly number[];
}

/** Element-wise minimum, in place: the signature of the union of two shingle sets. */
function minInto(target: Uint32Array, part: Uint32Array): void {
  for (let k = 0; k < MINHASH_SIZE; k++) if (part[k] < target[k]) target[k] = part[k];
}

export class SyntheticStore {
  private readonly passageSignatures: Array<Uint32Array | undefined>;
  private readonly random: SeededRandom;

  constructor(
    private readonly pool: PassagePool,
    seed: number,
  ) {
    if (pool.passages.length === 0) throw new Error('the passage pool is empty');
    this.passageSignatures = new Array<Uint32Array | undefined>(pool.passages.length);
    this.random = new SeededRandom(seed);
  }

  private composition(i: number): Composition {
    const random = this.random.fork(i);
    const count = random.pick(this.pool.articleLengths);
    const passageIds = Array.from({ length: count }, () => random.int(0, this.pool.passages.length - 1));
    // A headline: the first 6–12 words of another passage (which has at least 4 words).
    const source = this.pool.passages[random.int(0, this.pool.passages.length - 1)].split(/\s+/);
    const title = source
      .slice(0, random.int(6, 12))
      .join(' ')
      .replace(/[\s,;:.!?"'“”‘’-]+$/u, '');
    return { title: contentWords(title).length >= 3 ? title : source.join(' '), passageIds };
  }

  article(i: number): SyntheticArticle {
    const { title, passageIds } = this.composition(i);
    const paragraphs: string[] = [];
    for (let s = 0; s < passageIds.length; s += 2)
      paragraphs.push(
        passageIds
          .slice(s, s + 2)
          .map((id) => this.pool.passages[id])
          .join(' '),
      );
    return { title, body: paragraphs.join('\n\n') };
  }

  /** Article `i`'s headline and `minhashSignature(title + "\n" + body)`, composed from cached passage signatures. */
  fingerprint(i: number): { title: string; signature: Uint32Array; shingleCount: number } {
    const { title, passageIds } = this.composition(i);
    const signature = minhashSignature(title);
    let previous: readonly string[] = contentWords(title);
    let words = previous.length;
    for (const id of passageIds) {
      words += this.pool.words[id].length;
      minInto(signature, this.passageSignature(id));
      const next = this.pool.words[id];
      // The two shingles spanning the joint: last two words before it, first two after.
      minInto(signature, minhashSignature(`${previous[previous.length - 2]} ${previous[previous.length - 1]} ${next[0]} ${next[1]}`));
      previous = this.pool.words[id];
    }
    // Word 3-shingles of a text of n words: n - 2 (repeats are rare in prose).
    return { title, signature, shingleCount: Math.max(0, words - 2) };
  }

  /** Throws unless the composed signatures of `indexes` equal `minhashSignature` of the full texts. */
  verify(indexes: readonly number[]): void {
    for (const i of indexes) {
      const { title, body } = this.article(i);
      const direct = minhashSignature(`${title}\n${body}`);
      const composed = this.fingerprint(i).signature;
      if (direct.some((value, k) => value !== composed[k]))
        throw new Error(`synthetic article ${i}: composed MinHash signature differs from minhashSignature()`);
    }
  }

  private passageSignature(id: number): Uint32Array {
    let signature = this.passageSignatures[id];
    if (!signature) {
      signature = minhashSignature(this.pool.passages[id]);
      this.passageSignatures[id] = signature;
    }
    return signature;
  }
}
