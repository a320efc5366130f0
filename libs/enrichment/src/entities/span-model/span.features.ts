import type { ClassifierContext } from '../entity.classifier';
import { isCommonWord } from '../entity.classifier';
import { joined, type NameSpan } from '../name-span.finder';

/**
 * Features of a run of capitalised words for the span model. Those that name the run itself (its words and what
 * the gazetteers say of them) start with `i:`: training drops them at random, so the weights of the context (the
 * words around the run, its shape, its position) learn to type names no list knows.
 */
export function spanFeatures(span: NameSpan, ctx: ClassifierContext): string[] {
  const g = ctx.g;
  const tokens = span.tokens;
  const words = tokens.map((t) => t.lower);
  const first = words[0];
  const last = words[words.length - 1];
  const whole = joined(tokens);
  const f: string[] = ['bias'];
  const id = (name: string): void => void f.push(`i:${name}`);

  id(`w=${whole}`);
  for (const w of words) id(`t=${w}`);
  if (g.places.has(whole)) id('g:place');
  if (g.cities.has(whole)) id('g:city');
  if (g.organisations.has(whole)) id('g:org');
  if (g.people.has(whole)) id('g:person');
  if (g.firstNames.has(first)) id('g:given');
  else if (g.allGivenNames.has(first)) id('g:given-word');
  if (g.lastNames.has(last)) id('g:surname');
  if (g.organisationSuffixes.has(last)) id('g:org-suffix');
  if (g.placeSuffixes.has(last)) id('g:place-suffix');
  if (g.demonyms.has(whole)) id('g:demonym');
  const common = words.filter((w) => isCommonWord(w, ctx)).length;
  if (common === words.length) id('g:all-common');
  else if (common) id('g:some-common');

  f.push(`len=${Math.min(tokens.length, 4)}`);
  f.push(`shape=${shape(tokens.map((t) => t.bare).join(' '))}`);
  f.push(`suffix=${last.slice(-3)}`);
  if (span.sentenceInitial) f.push('initial');
  if (span.titles.length) f.push('titled', `title=${span.titles[span.titles.length - 1]}`);
  if (tokens[tokens.length - 1].possessive) f.push('possessive');
  if (ctx.singles.has(last) && tokens.length > 1) f.push('surname-alone-elsewhere');
  const before = span.before || '<s>';
  const after = span.after || '</s>';
  f.push(`prev=${before}`, `next=${after}`, `prev+next=${before}|${after}`);
  const preceding = span.preceding.toLowerCase().split(/\s+/).filter(Boolean);
  if (preceding.length >= 2) f.push(`prev2=${preceding.slice(-2).join(' ')}`);
  const following = span.following
    .toLowerCase()
    .replace(/^['’]s?/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (following.length >= 2) f.push(`next2=${following.slice(0, 2).join(' ')}`);
  const punctAfter = /^\s*([,.(:;)—–-])/.exec(span.following)?.[1];
  if (punctAfter) f.push(`punct-after=${punctAfter}`);
  const punctBefore = /([,(:;“"—–-])\s*$/.exec(span.preceding)?.[1];
  if (punctBefore) f.push(`punct-before=${punctBefore}`);
  // ", 45," / ", a spokesman": what an apposition after the name starts with.
  const apposition = /^,\s+(\d{1,3}),|^,\s+(?:a|an|the)\s+([\w-]+)/i.exec(span.following);
  if (apposition) f.push(apposition[1] ? 'apposition=age' : `apposition=${apposition[2].toLowerCase()}`);
  return f;
}

function shape(text: string): string {
  return text
    .replace(/\p{Lu}+/gu, 'X')
    .replace(/\p{Ll}+/gu, 'x')
    .replace(/\p{N}+/gu, '9')
    .slice(0, 12);
}
