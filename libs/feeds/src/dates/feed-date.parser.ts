import { parseDateInWords, parseEpoch, parseGreek, parseHungarian, parseKorean } from './localized.parser';
import { parseAsctime, parsePerforce, parseRfc822 } from './rfc822.parser';
import { parseIso8601, parseW3dtf } from './w3dtf.parser';

// Most common shapes first; each parser rejects what it does not fully understand.
const PARSERS: readonly ((input: string) => Date | null)[] = [
  parseW3dtf,
  parseRfc822,
  parseIso8601,
  parseAsctime,
  parsePerforce,
  parseHungarian,
  parseGreek,
  parseKorean,
  parseDateInWords,
  parseEpoch,
];

/**
 * Parses a date as feeds write them: RFC 822/2822 (obsolete zones included), W3C-DTF/ISO 8601 (basic,
 * ordinal, two-digit-year and MSSQL forms), asctime, a few engine/locale forms (Greek, Hungarian,
 * Korean, Perforce), dates in words in English, German, French, Spanish, Italian, Portuguese and Dutch, dotted
 * dates (`07.12.2026 14:30 Uhr`) and Unix timestamps. Returns null for anything it cannot read with confidence, including out-of-range fields.
 */
export function parseFeedDate(input: string): Date | null {
  const text = input.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  for (const parse of PARSERS) {
    const date = parse(text);
    if (date) return date;
  }
  return null;
}

/** ISO 8601 UTC with second precision (`2004-01-01T19:48:21Z`), the form feed items carry their dates in. */
export function formatUtc(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${year}${date.toISOString().slice(date.toISOString().indexOf('-'), 19)}Z`;
}
