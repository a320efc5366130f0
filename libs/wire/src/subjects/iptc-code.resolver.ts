import { SUBJECT_CODE_MEDIA_TOPICS } from './subject-code-media-topics.data';
import type { MediaTopicMatch } from '../wire-article.types';

/** IPTC's scheme URIs for the two subject vocabularies, and the aliases agencies give them in QCodes. */
const SCHEMES = [
  { scheme: 'medtop', uri: /^https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/?/i, aliases: ['medtop', 'mediatopic', 'iptc-mediatopic'] },
  { scheme: 'subj', uri: /^https?:\/\/cv\.iptc\.org\/newscodes\/subjectcode\/?/i, aliases: ['subj', 'subjectcode', 'iptc-subjectcode'] },
] as const;

type IptcScheme = (typeof SCHEMES)[number]['scheme'];

/** QCode aliases a document declares in an inline `<catalog>` (alias → scheme URI). */
export type CatalogAliases = ReadonlyMap<string, string>;

/**
 * The IPTC subject code or Media Topic a QCode or URI names, as `medtop:NNNNNNNN` / `subj:NNNNNNNN`, or null for
 * other vocabularies. Reads the conventional aliases, aliases declared in the document's own catalog, and IPTC's
 * URIs (`http://cv.iptc.org/newscodes/mediatopic/20000849`).
 */
export function iptcSubjectCode(qcodeOrUri: string | null, aliases: CatalogAliases = new Map()): string | null {
  if (!qcodeOrUri) return null;
  const value = qcodeOrUri.trim();
  const colon = value.indexOf(':');
  if (colon > 0 && !/^https?:/i.test(value)) {
    const alias = value.slice(0, colon).toLowerCase();
    const code = value.slice(colon + 1);
    const declared = aliases.get(alias);
    if (declared) return iptcSubjectCode(declared + code);
    const known = SCHEMES.find((s) => (s.aliases as readonly string[]).includes(alias));
    return known ? asCode(known.scheme, code) : null;
  }
  for (const { scheme, uri } of SCHEMES) {
    const match = uri.exec(value);
    if (match) return asCode(scheme, value.slice(match[0].length));
  }
  return null;
}

function asCode(scheme: IptcScheme, code: string): string | null {
  const digits = code.trim().replace(/\/$/, '');
  return /^\d{8}$/.test(digits) ? `${scheme}:${digits}` : null;
}

/**
 * The Media Topic of an IPTC code (`medtop:` as it is, `subj:` through IPTC's mapping, walking up to the nearest
 * broader subject code IPTC maps), or null.
 */
export function mediaTopicOf(code: string | null): { mediaTopic: string; match: MediaTopicMatch } | null {
  if (!code) return null;
  if (code.startsWith('medtop:')) return { mediaTopic: code, match: 'same' };
  if (!code.startsWith('subj:')) return null;
  const digits = code.slice('subj:'.length);
  const exact = SUBJECT_CODE_MEDIA_TOPICS[digits];
  if (exact) return { mediaTopic: exact[0], match: exact[1] };
  for (const broader of [`${digits.slice(0, 5)}000`, `${digits.slice(0, 2)}000000`]) {
    const mapped = broader !== digits ? SUBJECT_CODE_MEDIA_TOPICS[broader] : undefined;
    if (mapped) return { mediaTopic: mapped[0], match: 'broader' };
  }
  return null;
}
