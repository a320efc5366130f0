import { createHash } from 'node:crypto';

/** Which part of a hand-labelled set an article is in. */
export type BenchPart = 'dev' | 'held-back';

// Fixed once, before any rule was tuned on either part: the parity of the first byte of sha256(salt + id).
// Rules are decided on the dev part; the held-back part is only measured.
const SALT = 'copydesk-split-1';

/** The part of the labelled set an article id belongs to (English 40/38, German 14/14). */
export function benchPart(id: string): BenchPart {
  return createHash('sha256')
    .update(SALT + id)
    .digest()[0] %
    2 ===
    0
    ? 'dev'
    : 'held-back';
}
