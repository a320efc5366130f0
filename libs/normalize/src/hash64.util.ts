/**
 * 64-bit hashing on two unsigned 32-bit halves: BigInt arithmetic per byte is an order of magnitude slower,
 * and MinHash hashes every word 3-shingle of every article.
 */

/** A 64-bit value: high and low unsigned 32-bit halves. */
export type Hash64 = [hi: number, lo: number];

const TWO_32 = 4_294_967_296;
// Module-level aliases: a global `Math.…` lookup per call costs 20–30x inside jest's sandboxed global, and
// these run tens of thousands of times per article.
const { floor, imul } = Math;

/**
 * FNV-1a 64 over the UTF-8 bytes of `text` (test vectors: "" → cbf29ce484222325, "a" → af63dc4c8601ec8c).
 * Fast, but its high bits barely depend on the last bytes: pass the result through {@link fmix64} before
 * using individual bits.
 */
export function fnv1a64(text: string): Hash64 {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const step = (byte: number) => {
    lo = (lo ^ byte) >>> 0;
    // × prime 2^40 + 0x1b3, mod 2^64: lo × 0x1b3 fits a double exactly (< 2^41); its carry and lo << 40 go to hi.
    const low = lo * 0x1b3;
    hi = (imul(hi, 0x1b3) + floor(low / TWO_32) + (lo << 8)) >>> 0;
    lo = low >>> 0;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (code < 0x80) step(code);
    else if (code < 0x800) {
      step(0xc0 | (code >> 6));
      step(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      step(0xe0 | (code >> 12));
      step(0x80 | ((code >> 6) & 0x3f));
      step(0x80 | (code & 0x3f));
    } else {
      step(0xf0 | (code >> 18));
      step(0x80 | ((code >> 12) & 0x3f));
      step(0x80 | ((code >> 6) & 0x3f));
      step(0x80 | (code & 0x3f));
    }
  }
  return [hi, lo];
}

/** (a × b) mod 2^64. */
export function mul64([aHi, aLo]: Hash64, [bHi, bLo]: Hash64): Hash64 {
  // aLo × bLo needs all 64 bits: split into 16-bit limbs so every partial product is exact in a double.
  const a0 = aLo & 0xffff;
  const a1 = aLo >>> 16;
  const b0 = bLo & 0xffff;
  const b1 = bLo >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = floor(p00 / 65_536) + (p01 % 65_536) + (p10 % 65_536);
  const lo = ((mid % 65_536) * 65_536 + (p00 % 65_536)) >>> 0;
  const carry = a1 * b1 + floor(p01 / 65_536) + floor(p10 / 65_536) + floor(mid / 65_536);
  const hi = (carry + imul(aHi, bLo) + imul(aLo, bHi)) >>> 0;
  return [hi, lo];
}

const C1: Hash64 = [0xff51afd7, 0xed558ccd];
const C2: Hash64 = [0xc4ceb9fe, 0x1a85ec53];

/** MurmurHash3's 64-bit finalizer: every output bit depends on every input bit. */
export function fmix64(value: Hash64): Hash64 {
  let [hi, lo] = value;
  lo = (lo ^ (hi >>> 1)) >>> 0; // k ^= k >>> 33
  [hi, lo] = mul64([hi, lo], C1);
  lo = (lo ^ (hi >>> 1)) >>> 0;
  [hi, lo] = mul64([hi, lo], C2);
  lo = (lo ^ (hi >>> 1)) >>> 0;
  return [hi, lo];
}

/** The pair as an unsigned 64-bit bigint. */
export function toBigInt([hi, lo]: Hash64): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo);
}
