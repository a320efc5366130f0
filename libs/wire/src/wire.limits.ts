/** Bounds on one document. Wire items are kilobytes; a news message carrying many items stays well below these. */
export interface WireLimits {
  /** Bytes (or UTF-16 code units for a string input). */
  maxBytes: number;
  /** Element nesting (XML) or object/array nesting (JSON). */
  maxDepth: number;
}

export const DEFAULT_WIRE_LIMITS: Readonly<WireLimits> = {
  maxBytes: 10 * 1024 * 1024,
  // NITF bodies nest tables and blocks a dozen deep; 20,000-deep bombs are what this stops.
  maxDepth: 256,
};
