/**
 * 64-bit hashing on two unsigned 32-bit halves: BigInt arithmetic per byte is an order of magnitude slower,
 * and MinHash hashes every word 3-shingle of every article.
 */

/** A 64-bit value: high and low unsigned 32-bit halves. */
export type Hash64 = [hi: number, lo: number];

// Module-level aliases: a global `Math.…` lookup per call costs 20–30x inside jest's sandboxed global, and
// these run tens of thousands of times per article.
const { floor, imul } = Math;

/**
 * FNV-1a 64 over the UTF-8 bytes of `text` (test vectors: "" → cbf29ce484222325, "a" → af63dc4c8601ec8c).
 * Fast, but its high bits barely depend on the last bytes: pass the result through {@link fmix64} before
 * using individual bits.
 */
export function fnv1a64(text: string): Hash64 {
  // The state in four 16-bit limbs (h0 lowest): × the prime 2^40 + 0x1b3 is then small-integer arithmetic, no
  // division or double, and no closure per byte (MinHash hashes ~330 shingles per article; this was 2/3 of it).
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    // The code point's UTF-8 bytes, first byte first (a lone surrogate as its three bytes, as before).
    const count = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let k = count - 1; k >= 0; k--) {
      const byte =
        k === count - 1 ? (count === 1 ? code : ((0xf00 >> count) & 0xff) | (code >> (6 * k))) : 0x80 | ((code >> (6 * k)) & 0x3f);
      h0 ^= byte;
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
      h3 = (h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
    }
  }
  return [((h3 << 16) | h2) >>> 0, ((h1 << 16) | h0) >>> 0];
}

// mulInto's result: module-level, so fmix64 multiplies twice without allocating a pair each time.
let productHi = 0;
let productLo = 0;

/** (a × b) mod 2^64 into productHi/productLo. */
function mulInto(aHi: number, aLo: number, bHi: number, bLo: number): void {
  // aLo × bLo needs all 64 bits: split into 16-bit limbs so every partial product is exact in a double.
  const a0 = aLo & 0xffff;
  const a1 = aLo >>> 16;
  const b0 = bLo & 0xffff;
  const b1 = bLo >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = floor(p00 / 65_536) + (p01 % 65_536) + (p10 % 65_536);
  productLo = ((mid % 65_536) * 65_536 + (p00 % 65_536)) >>> 0;
  const carry = a1 * b1 + floor(p01 / 65_536) + floor(p10 / 65_536) + floor(mid / 65_536);
  productHi = (carry + imul(aHi, bLo) + imul(aLo, bHi)) >>> 0;
}

/** (a × b) mod 2^64. */
export function mul64([aHi, aLo]: Hash64, [bHi, bLo]: Hash64): Hash64 {
  mulInto(aHi, aLo, bHi, bLo);
  return [productHi, productLo];
}

/** MurmurHash3's 64-bit finalizer: every output bit depends on every input bit. */
export function fmix64([hi, lo]: Hash64): Hash64 {
  lo = (lo ^ (hi >>> 1)) >>> 0; // k ^= k >>> 33
  mulInto(hi, lo, 0xff51afd7, 0xed558ccd);
  lo = (productLo ^ (productHi >>> 1)) >>> 0;
  mulInto(productHi, lo, 0xc4ceb9fe, 0x1a85ec53);
  return [productHi, (productLo ^ (productHi >>> 1)) >>> 0];
}

/** The pair as an unsigned 64-bit bigint. */
export function toBigInt([hi, lo]: Hash64): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo);
}
