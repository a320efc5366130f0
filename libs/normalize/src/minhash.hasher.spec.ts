import { jaccard, MINHASH_SIZE, minhashBands, minhashSignature } from './minhash.hasher';
import { wordShingles } from './word-shingles.util';

const words = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('wordShingles', () => {
  it('makes overlapping 3-word shingles, or one shingle of a shorter text', () => {
    expect(wordShingles('One two, THREE four')).toEqual(['one two three', 'two three four']);
    expect(wordShingles('Hello world')).toEqual(['hello world']);
    expect(wordShingles('—')).toEqual([]);
  });
});

describe('minhashSignature and jaccard', () => {
  it('gives identical signatures for texts with the same words', () => {
    const text = words('w', 200).join(' ');
    expect(jaccard(minhashSignature(text), minhashSignature(text.toUpperCase()))).toBe(1);
    expect(minhashSignature(text)).toHaveLength(MINHASH_SIZE);
  });

  it('estimates the Jaccard similarity of shingle sets within sampling error', () => {
    // 400 shared words then 100 different ones each: shingle sets overlap by 398 of 398 + 2 × 102.
    const shared = words('s', 400);
    const a = [...shared, ...words('a', 100)].join(' ');
    const b = [...shared, ...words('b', 100)].join(' ');
    const exact = 398 / (398 + 2 * 102);
    expect(Math.abs(jaccard(minhashSignature(a), minhashSignature(b)) - exact)).toBeLessThan(0.12);
  });

  it('gives about 0 for unrelated texts and fills an empty text with the maximum', () => {
    expect(jaccard(minhashSignature(words('x', 300).join(' ')), minhashSignature(words('y', 300).join(' ')))).toBeLessThan(0.05);
    expect(Array.from(new Set(minhashSignature('')))).toEqual([0xffffffff]);
  });

  it('refuses signatures of different lengths', () => {
    expect(() => jaccard(new Uint32Array(2), new Uint32Array(3))).toThrow(RangeError);
  });
});

describe('minhashBands', () => {
  it('gives 32 keys by default; equal signatures share all, different bands of equal values do not collide', () => {
    const signature = minhashSignature(words('w', 100).join(' '));
    const bands = minhashBands(signature);
    expect(bands).toHaveLength(32);
    expect(minhashBands(signature.slice())).toEqual(bands);
    const flat = minhashBands(new Uint32Array(MINHASH_SIZE));
    expect(new Set(flat).size).toBe(32);
  });

  it('refuses a band count that does not divide the signature', () => {
    expect(() => minhashBands(new Uint32Array(MINHASH_SIZE), 5)).toThrow(RangeError);
  });
});
