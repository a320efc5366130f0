import { hammingDistance, simhash64, simhashBands } from './simhash.hasher';

const story =
  'The central bank raised interest rates by a quarter point on Thursday, its third increase this year, ' +
  'saying inflation remained too high. The governor told reporters that further rises could not be ruled out ' +
  'if price growth failed to slow in the coming months, and markets reacted calmly to the announcement.';

describe('simhash64', () => {
  it('is deterministic, 64-bit and 0 for an empty text', () => {
    expect(simhash64(story)).toBe(simhash64(story));
    expect(simhash64(story)).toBeLessThan(1n << 64n);
    expect(simhash64('')).toBe(0n);
    expect(simhash64(' … ')).toBe(0n);
  });

  it('ignores case, punctuation and spacing', () => {
    expect(simhash64(story.toUpperCase().replace(/,/g, ' ;  '))).toBe(simhash64(story));
  });

  it('puts a light edit much closer than a different story', () => {
    const edited = story.replace('Thursday', 'Wednesday');
    const other =
      'The football club confirmed the signing of a new striker from a rival team for an undisclosed fee, ' +
      'ending months of speculation. The manager said the player would add pace and experience to the squad.';
    expect(hammingDistance(simhash64(story), simhash64(edited))).toBeLessThan(12);
    expect(hammingDistance(simhash64(story), simhash64(other))).toBeGreaterThan(16);
  });
});

describe('hammingDistance', () => {
  it('counts differing bits, treating negative (signed bigint from PostgreSQL) values as 64-bit', () => {
    expect(hammingDistance(0n, 0n)).toBe(0);
    expect(hammingDistance(0b1011n, 0b0001n)).toBe(2);
    expect(hammingDistance(0n, (1n << 64n) - 1n)).toBe(64);
    expect(hammingDistance(BigInt.asIntN(64, (1n << 64n) - 1n), 0n)).toBe(64);
  });
});

describe('simhashBands', () => {
  it('cuts the hash into bands, most significant first', () => {
    expect(simhashBands(0x0001_0002_0003_0004n)).toEqual([1, 2, 3, 4]);
    expect(simhashBands(0xffff_0000_ffff_0000n, 2)).toEqual([0xffff0000, 0xffff0000]);
    expect(simhashBands(-1n, 8)).toEqual(Array(8).fill(255));
  });

  it('guarantees a shared band for every pair within bands − 1 bits (pigeonhole)', () => {
    let state = 12345n;
    const random64 = () => (state = (state * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n));
    for (let trial = 0; trial < 300; trial++) {
      const hash = random64();
      let flipped = hash;
      const flips = new Set<number>();
      while (flips.size < 3) flips.add(Number(random64() % 64n));
      for (const bit of flips) flipped ^= 1n << BigInt(bit);
      const a = simhashBands(hash);
      const b = simhashBands(flipped);
      expect(a.some((band, i) => band === b[i])).toBe(true);
    }
  });

  it('rejects band counts that do not divide 64 into ≤ 32-bit bands', () => {
    expect(() => simhashBands(1n, 3)).toThrow(RangeError);
    expect(() => simhashBands(1n, 1)).toThrow(RangeError);
  });
});
