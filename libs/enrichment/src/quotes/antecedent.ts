import { gazetteer } from '../entities/entity.gazetteer';
import type { EntityMention } from '../entities/entity.extractor';
import type { Sentence } from '../text/text.tokenizer';
import type { CompiledQuoteRules } from './quote.rules';

function agreesInGender(name: string, gender: 'f' | 'm'): boolean {
  const known = gazetteer().genders.get(name.split(/\s+/)[0].toLowerCase());
  return !known || known === gender;
}

/** What narrows the search: the kind of entity, the pronoun's gender, the language's speech verbs. */
export interface AntecedentOptions {
  type?: 'person' | 'organisation';
  gender?: 'f' | 'm';
  /** The language's speech verbs: a name that speaks is a subject wherever it stands in its sentence. */
  speech?: Pick<CompiledQuoteRules, 'verbFirst' | 'verbAfterName'>;
}

// The person "he" or "she" most likely refers to: among the people named in the last few sentences, the latest one
// named as a sentence's subject (at its start, or just before a speech verb), else the latest named.
export function antecedent(
  mentions: EntityMention[],
  before: number,
  sentences: Sentence[],
  { type = 'person', gender, speech }: AntecedentOptions = {},
): EntityMention | undefined {
  // "she said" after "Stephanie Grisham … Ambassador Volker": a pronoun skips people whose given name is of the other gender.
  const people = mentions.filter((m) => m.type === type && m.end <= before && (!gender || agreesInGender(m.canonical, gender)));
  if (!people.length) return undefined;
  const latest = people[people.length - 1];
  const recent = people.filter((m) => m.sentence >= latest.sentence - 3);
  const subject = [...recent].reverse().find((m) => {
    const s = sentences[m.sentence];
    if (!s) return false;
    // "“…,” Volker said. He added …": the one who spoke last. A possessive is no subject ("Pound's comments").
    const written = s.text.slice(m.start - s.start, m.end - s.start);
    if (speech && !/['’]s$/.test(written) && speaks(s.text.slice(0, m.start - s.start), s.text.slice(m.end - s.start), speech)) return true;
    // Named inside a quote that opens the sentence ("«Wenn Herr Ebner …»"), the person is spoken of, not speaking.
    return m.start - s.start <= 20 && !/[„“”"«»]/.test(s.text.slice(0, m.start - s.start));
  });
  return subject ?? latest;
}

// A name that is the subject of a speech verb: "“…,” Volker said", "“…,” said Ryanair chairman Bill Ford",
// "chief executive Stuart Gallacher confirmed", "James Hardie's chair, Meredith Hellicar, has said".
function speaks(before: string, after: string, speech: NonNullable<AntecedentOptions['speech']>): boolean {
  const close = /[”"]\s*,?\s*([^”",.;:!?]{0,40})$/.exec(before);
  if (close?.[1]) return speech.verbFirst.test(close[1]);
  // A comma before the verb only closes an apposition the name opened ("in Sydney, said" is no subject).
  const verbAfter = /^\s+/.test(after) || (/^,\s/.test(after) && (Boolean(close) || /,\s*$/.test(before)));
  return verbAfter && speech.verbAfterName.test(after.replace(/^,?\s+/, ''));
}
