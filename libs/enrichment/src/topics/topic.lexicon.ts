import { normalisedWords } from '../text/text.tokenizer';
import { TOPIC_LEXICON } from './topic-lexicon.data';

/** Cue-word evidence for one qcode of the lexicon. */
export interface LexiconEvidence {
  qcode: string;
  /** Sum over matched cues of min(occurrences, 3): repeated cues count, but not without limit. */
  score: number;
  /** Number of different cues matched. */
  distinct: number;
  /** The cues matched with their occurrences, most frequent first (for explanations and tests). */
  matches: { cue: string; count: number }[];
}

interface Cue {
  entry: number;
  text: string;
}
interface CompiledLexicon {
  exact: Map<string, Cue[]>;
  phrases: Map<string, { words: string[]; cue: Cue }[]>;
  prefixes: Map<string, { prefix: string; cue: Cue }[]>;
  qcodes: string[];
}

const PREFIX_KEY = 3;
/** Cue words per qcode: `word`, `word*` (prefix), `two words` (phrase), separated by `|`. */
export type TopicLexicon = ReadonlyArray<readonly [qcode: string, cues: string]>;
const compiledLexicons = new WeakMap<TopicLexicon, CompiledLexicon>();

function lexicon(source: TopicLexicon = TOPIC_LEXICON): CompiledLexicon {
  const cached = compiledLexicons.get(source);
  if (cached) return cached;
  const result: CompiledLexicon = { exact: new Map(), phrases: new Map(), prefixes: new Map(), qcodes: [] };
  source.forEach(([qcode, cues], entry) => {
    result.qcodes.push(qcode);
    for (const text of cues.split('|')) {
      const cue = { entry, text };
      const words = text.split(' ');
      if (words.length > 1) push(result.phrases, words[0], { words, cue });
      else if (text.endsWith('*')) push(result.prefixes, text.slice(0, PREFIX_KEY), { prefix: text.slice(0, -1), cue });
      else push(result.exact, text, cue);
    }
  });
  compiledLexicons.set(source, result);
  return result;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Matches the topic lexicon against a text and returns evidence per qcode (only qcodes with a match). */
export function lexiconEvidence(text: string): Map<string, LexiconEvidence> {
  return lexiconEvidenceFromWords(normalisedWords(text));
}

/** Same as lexiconEvidence, on words already normalised with `normalisedWords`. */
export function lexiconEvidenceFromWords(words: string[], source: TopicLexicon = TOPIC_LEXICON): Map<string, LexiconEvidence> {
  const lex = lexicon(source);
  const counts = new Map<Cue, number>();
  const hit = (cue: Cue): void => void counts.set(cue, (counts.get(cue) ?? 0) + 1);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const exact = lex.exact.get(word);
    if (exact) for (const cue of exact) hit(cue);
    const prefixed = lex.prefixes.get(word.length > PREFIX_KEY ? word.slice(0, PREFIX_KEY) : word);
    if (prefixed) for (const { prefix, cue } of prefixed) if (word.startsWith(prefix)) hit(cue);
    const phrases = lex.phrases.get(word);
    if (phrases)
      for (const { words: phrase, cue } of phrases) {
        let j = 1;
        while (j < phrase.length && words[i + j] === phrase[j]) j++;
        if (j === phrase.length) hit(cue);
      }
  }
  const byEntry = new Map<string, { score: number; cues: [string, number][] }>();
  for (const [cue, n] of counts) {
    const qcode = lex.qcodes[cue.entry];
    let e = byEntry.get(qcode);
    if (!e) byEntry.set(qcode, (e = { score: 0, cues: [] }));
    e.score += Math.min(n, 3);
    e.cues.push([cue.text, n]);
  }
  const out = new Map<string, LexiconEvidence>();
  for (const [qcode, e] of byEntry) {
    const matches = e.cues.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([cue, count]) => ({ cue, count }));
    out.set(qcode, { qcode, score: e.score, distinct: matches.length, matches });
  }
  return out;
}

/** Every qcode the lexicon can produce (for checks against the scheme). */
export function lexiconQcodes(): string[] {
  return TOPIC_LEXICON.map(([q]) => q);
}
