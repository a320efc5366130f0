import { fmix64, fnv1a64, mul64, toBigInt, type Hash64 } from './hash64.util';

const MASK = (1n << 64n) - 1n;
const fromBigInt = (value: bigint): Hash64 => [Number(value >> 32n), Number(value & 0xffffffffn)];

describe('fnv1a64', () => {
  // Published FNV-1a 64 test vectors (Fowler/Noll/Vo reference code).
  it.each([
    ['', 0xcbf29ce484222325n],
    ['a', 0xaf63dc4c8601ec8cn],
    ['foobar', 0x85944171f73967e8n],
  ])('hashes %j like the reference', (text, expected) => {
    expect(toBigInt(fnv1a64(text))).toBe(expected);
  });

  it('hashes UTF-8 bytes, surrogate pairs as one code point', () => {
    const reference = (bytes: Uint8Array) => {
      let h = 0xcbf29ce484222325n;
      for (const byte of bytes) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & MASK;
      return h;
    };
    for (const text of ['é', 'ação', '中文', '😀 emoji', 'mixed ü 字 😀']) {
      expect(toBigInt(fnv1a64(text))).toBe(reference(new TextEncoder().encode(text)));
    }
    // Random text of every UTF-8 length (1 to 4 bytes), from a fixed seed so a failure reproduces.
    let seed = 7;
    const random = (n: number) => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) % n;
    const ranges = [0x80, 0x800 - 0x80, 0xd800 - 0x800, 0x110000 - 0x10000];
    const starts = [0, 0x80, 0x800, 0x10000];
    for (let i = 0; i < 500; i++) {
      const points = Array.from({ length: random(40) }, () => {
        const band = random(4);
        return starts[band] + random(ranges[band]);
      });
      const text = String.fromCodePoint(...points);
      expect(toBigInt(fnv1a64(text))).toBe(reference(new TextEncoder().encode(text)));
    }
    // A lone surrogate is hashed as its own three bytes (TextEncoder would write U+FFFD instead).
    expect(toBigInt(fnv1a64('a\ud800b'))).toBe(reference(Uint8Array.from([0x61, 0xed, 0xa0, 0x80, 0x62])));
  });
});

describe('mul64 and fmix64', () => {
  // A fixed LCG, so a failure reproduces.
  let state = 0x2545f4914f6cdd1dn;
  const next = () => (state = (state * 6364136223846793005n + 1442695040888963407n) & MASK);

  it('multiply mod 2^64 exactly like BigInt', () => {
    for (let i = 0; i < 2_000; i++) {
      const a = next();
      const b = i % 10 === 0 ? MASK : next();
      expect(toBigInt(mul64(fromBigInt(a), fromBigInt(b)))).toBe((a * b) & MASK);
    }
  });

  it('fmix64 matches the MurmurHash3 finalizer', () => {
    const reference = (k: bigint) => {
      k ^= k >> 33n;
      k = (k * 0xff51afd7ed558ccdn) & MASK;
      k ^= k >> 33n;
      k = (k * 0xc4ceb9fe1a85ec53n) & MASK;
      return k ^ (k >> 33n);
    };
    for (let i = 0; i < 500; i++) {
      const k = next();
      expect(toBigInt(fmix64(fromBigInt(k)))).toBe(reference(k));
    }
  });
});
