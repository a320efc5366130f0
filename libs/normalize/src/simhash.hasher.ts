import { fmix64, fnv1a64, toBigInt } from './hash64.util';
import { wordShingles } from './word-shingles.util';

/**
 * 64-bit SimHash (Charikar) of a text over its word 3-shingles ({@link wordShingles}), each hashed with FNV-1a 64
 * and MurmurHash3's finalizer, weighted by occurrence. Similar texts get hashes a small Hamming distance apart.
 * An empty text hashes to 0n. Store it in PostgreSQL as `bigint` with `BigInt.asIntN(64, hash)`.
 */
export function simhash64(text: string): bigint {
  const votes = new Int32Array(64);
  const shingles = wordShingles(text);
  if (shingles.length === 0) return 0n;
  for (const shingle of shingles) {
    const [hi, lo] = fmix64(fnv1a64(shingle));
    for (let bit = 0; bit < 32; bit++) {
      votes[bit] += (lo >>> bit) & 1 ? 1 : -1;
      votes[bit + 32] += (hi >>> bit) & 1 ? 1 : -1;
    }
  }
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (votes[bit] > 0) lo |= 1 << bit;
    if (votes[bit + 32] > 0) hi |= 1 << bit;
  }
  return toBigInt([hi >>> 0, lo >>> 0]);
}

/** Number of differing bits between two 64-bit hashes. */
export function hammingDistance(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (x !== 0n) {
    x &= x - 1n;
    count++;
  }
  return count;
}

/**
 * The hash cut into `bands` equal bands (most significant first), as unsigned integers, for an index that finds
 * near duplicates without comparing against every article. Pigeonhole: if two hashes differ in at most
 * `bands - 1` bits, at least one band is free of differences and equal in both, so a lookup of
 * "any band equal" (one indexed row per band, or a GIN-indexed int[] with `&&`) never misses such a pair; the
 * exact distance is then checked on the few candidates. With 4 bands of 16 bits: every pair within distance 3.
 * @throws RangeError unless `bands` divides 64 into bands of at most 32 bits (2, 4, 8, 16, 32 or 64).
 */
export function simhashBands(hash: bigint, bands = 4): number[] {
  if (![2, 4, 8, 16, 32, 64].includes(bands)) throw new RangeError(`bands must be 2, 4, 8, 16, 32 or 64, got ${bands}`);
  const width = 64 / bands;
  const mask = (1n << BigInt(width)) - 1n;
  const value = BigInt.asUintN(64, hash);
  return Array.from({ length: bands }, (_, band) => Number((value >> BigInt(64 - width * (band + 1))) & mask));
}
