import { collapseWhitespace } from '../dom/text-measure';
import { dateIndexInText } from './date-parse';

// "By", "Von", "Par"... and labels like "Author:" that introduce a byline.
const BY_PREFIX =
  /^(?:(?:written|posted|published|reported|text|story|words|photos?|interview)\s+(?:by|von)\s*|(?:veröffentlicht|erstellt|geschrieben|verfasst|eingestellt)\s+von\s*|by\s*:?\s+|von\s+|par\s+|por\s+|di\s+|door\s+|af\s+|av\s+|autor(?:in)?\s*:\s*|author\s*:\s*|über\s+|about\s+|auteur\s*:\s*|text\s*:\s*|verfasst von\s+|geschrieben von\s+|escrito por\s+|scritto da\s+|de\s+(?=\p{Lu}))/iu;

// Words that make a byline part a job title, desk or outlet rather than a person.
const ROLE_WORDS =
  /\b(?:staff|writer|reporter|editor|editors|correspondent|contributor|contributing|columnist|producer|photographer|senior|chief|associate|deputy|managing|bureau|desk|news|newsroom|team|service|wire|agency|press|media|times|post|journal|daily|magazine|online|digital|business|politics|sports|science|health|opinion|analysis|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|mitarbeiter(?:in)?|redaktion)\b/i;

// Labels left behind when a byline holds only "Posted by" or a comment's "says".
const NOT_A_NAME =
  /^(?:by|posted|posted on|published|updated|last updated|aktualisiert|veröffentlicht|von|par|por|says|sagt|dit|writes|schreibt|author|autor|admin|administrator|user|guest|anonymous|unknown)$/i;
// Company forms: a web agency or publishing house in the author field, not a writer.
const COMPANY = /\b(?:gmbh|inc|ltd|llc|ag|s\.a|sarl|srl|kg|co\.? kg)\b\.?|\bwww\.|\.(?:com|de|at|ch|net|org)\b/i;

// Conjunctions are matched in lower case only, so initials ("Sarah E. Needleman") are not taken for "e".
const SEPARATORS = /\s*(?:;|\||\/|•|·|\s&\s|\s[-–—]\s|\s(?:[Aa]nd|[Uu]nd|et|y|e|og|en|i|és|ve)\s|,)\s*/u;

/**
 * Turns a raw byline ("By Jane Doe and John Roe, Staff Writers | Updated Nov. 19, 2019") into author names
 * (["Jane Doe", "John Roe"]): prefixes, dates, times and job titles are dropped.
 */
export function parseByline(raw: string, siteNames: readonly string[] = []): string[] {
  let text = collapseWhitespace(raw.replace(/\u00ad/g, ''));
  if (text === '' || text.length > 300 || /^https?:\/\//i.test(text)) return [];
  // "Posted at 2:31 pm on December 7, 2026 by Jane Doe": a time or date before "by" is the posting note, and
  // the name is what follows the last "by".
  const posted = /^(?=[^\n]*\d)(?:[^\n]*\s)?(?:by|von|par|por|door)\s+(?=\S)/i.exec(text);
  if (posted !== null && /\d/.test(posted[0])) text = text.slice(posted[0].length);
  // Everything from a date or an update note on is not a name.
  const cut = text.search(
    /\b(?:updated|published|posted|aktualisiert|veröffentlicht|am|on|le|el)\s+\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}/i,
  );
  if (cut > 0) text = text.slice(0, cut);
  const dateAt = dateIndexInText(text);
  if (dateAt >= 0) text = text.slice(0, dateAt);
  // Social handles and e-mail addresses follow names in bylines; they are contact details, not names.
  text = text.replace(/(?:^|\s)@\w+|\S+@\S+\.\w+/g, ' ');
  // A label after the name ("Kategorien: Mode", "Tags: ...") starts something else.
  const label = text.slice(1).search(/\s\p{L}{3,}:\s/u);
  if (label > 0) text = text.slice(0, label + 1);
  // "... says" / "... sagt": a comment's signature line.
  text = text.replace(/\s+(?:says|sagt|dit|writes|schreibt)\s*:?$/i, '');
  text = text
    .replace(BY_PREFIX, '')
    .replace(/[\s,|:;–—-]+$/, '')
    .trim();
  if (text === '') return [];
  const sites = new Set(siteNames.map((name) => name.toLowerCase()));
  const parts = text
    .split(SEPARATORS)
    // Trailing dots go, except the one closing an initial ("Muñoz C.").
    .map((part) =>
      part
        .replace(BY_PREFIX, '')
        // Footnote marks glued to names ("Adwan1", "Doe*").
        .replace(/(?<=\p{L})[\d*†‡¹²³]+$/u, '')
        .replace(/^[\s.:–—-]+|[\s:–—-]+$/g, '')
        .replace(/(?<!\b\p{Lu})\.+$/u, '')
        .trim(),
    )
    .filter((part) => part.length > 0 && !NOT_A_NAME.test(part));
  // The site's own name next to a person's is the outlet ("unocero - Alberto Ávila"); alone, it is the author.
  const people = parts.filter((part) => !sites.has(part.toLowerCase()));
  if (people.length > 0 && people.length < parts.length) parts.splice(0, parts.length, ...people);
  const names = parts.filter(
    (part) => part.length >= 2 && part.length <= 60 && !ROLE_WORDS.test(part) && !COMPANY.test(part) && /\p{L}/u.test(part),
  );
  // A byline that is only an outlet or desk ("Associated Press") is still who wrote it.
  if (names.length === 0)
    return parts.length > 0 && parts[0].length >= 2 && parts[0].length <= 60 && !COMPANY.test(parts[0]) ? [parts[0]] : [];
  return dedupeNames(names);
}

/** Removes case-insensitive duplicates, keeping the first spelling. */
export function dedupeNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** True when a value is a profile URL or handle rather than a name (`article:author` often is). */
export function isUrlLike(value: string): boolean {
  return /^(?:https?:)?\/\//i.test(value) || /^www\./i.test(value) || /^@\w+$/.test(value);
}
