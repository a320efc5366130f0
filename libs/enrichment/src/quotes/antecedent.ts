import { gazetteer } from '../entities/entity.gazetteer';
import type { EntityMention } from '../entities/entity.extractor';
import type { Sentence } from '../text/text.tokenizer';

function agreesInGender(name: string, gender: 'f' | 'm'): boolean {
  const known = gazetteer().genders.get(name.split(/\s+/)[0].toLowerCase());
  return !known || known === gender;
}

// The person "he" or "she" most likely refers to: among the people named in the last few sentences, the latest one
// named as a sentence's subject (at its start), else the latest named.
export function antecedent(
  mentions: EntityMention[],
  before: number,
  sentences: Sentence[],
  type: 'person' | 'organisation' = 'person',
  gender?: 'f' | 'm',
): EntityMention | undefined {
  // "she said" after "Stephanie Grisham … Ambassador Volker": a pronoun skips people whose given name is of the other gender.
  const people = mentions.filter((m) => m.type === type && m.end <= before && (!gender || agreesInGender(m.canonical, gender)));
  if (!people.length) return undefined;
  const latest = people[people.length - 1];
  const recent = people.filter((m) => m.sentence >= latest.sentence - 3);
  const subject = [...recent].reverse().find((m) => {
    const s = sentences[m.sentence];
    // Named inside a quote that opens the sentence ("«Wenn Herr Ebner …»"), the person is spoken of, not speaking.
    return s && m.start - s.start <= 20 && !/[„“”"«»]/.test(s.text.slice(0, m.start - s.start));
  });
  return subject ?? latest;
}
