// ISO 639 primary subtags are 2 or 3 letters; BCP 47 also allows 5–8 letters, but none are registered, and
// accepting them would let "english" or "deutsch" through as if they were tags.
const PRIMARY_LANGUAGE = /^[a-z]{2,3}(?:-|$)/i;

/**
 * A BCP 47 tag in canonical form, or null when the input is not a usable tag.
 * `en-us` → `en-US`, `EN` → `en`, `zh_hant_tw` → `zh-Hant-TW`, `iw` → `he` (deprecated codes replaced).
 * `und` (undetermined), private-use-only tags and anything that is not a tag (`english`, `en-US,en;q=0.9`) → null.
 */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  const candidate = tag?.trim().replace(/_/g, '-');
  if (!candidate) return null;
  let canonical: string;
  try {
    [canonical] = Intl.getCanonicalLocales(candidate);
  } catch {
    return null;
  }
  if (!PRIMARY_LANGUAGE.test(canonical) || canonical === 'und' || canonical.startsWith('und-')) return null;
  return canonical;
}
