import type { EntityAnalysis, EntityMention } from '../../entities/entity.extractor';
import { EntityEdits } from './de-entity-edits';

/*
 * A place's name after a unit or an organisation belongs to a longer name: "im Kanton Uri" names the canton, not
 * the town; "Greenpeace Frankreich" and "FoodWatch Österreich" name a national branch, not the country.
 */

// Administrative units whose name differs from the town they are named after, any case → the citation form.
const UNITS: Record<string, string> = {
  kanton: 'Kanton',
  kantons: 'Kanton',
  kreis: 'Kreis',
  kreises: 'Kreis',
  landkreis: 'Landkreis',
  landkreises: 'Landkreis',
  bezirk: 'Bezirk',
  bezirks: 'Bezirk',
  bezirkes: 'Bezirk',
  provinz: 'Provinz',
  departement: 'Departement',
  département: 'Département',
  bundesstaat: 'Bundesstaat',
  bundesstaates: 'Bundesstaat',
};
// A brand written with an inner capital ("FoodWatch", "PayPal") before a place.
const CAMEL_CASE = /(?<![\p{L}\p{N}-])(\p{Lu}\p{Ll}+\p{Lu}[\p{L}]*) $/u;

/** Units and national branches named with a place, as one name ("Kanton Uri", "Greenpeace Frankreich"). */
export function joinPlaceNames(analysis: EntityAnalysis, text: string): EntityAnalysis {
  const edits = new EntityEdits(analysis);
  const mentions = [...edits.all];
  // "das Landgericht" written alone somewhere: a town after it elsewhere only says where it sits.
  const withPlace = (o: EntityMention, k: number): boolean =>
    mentions[k + 1]?.type === 'place' && text.slice(o.end, mentions[k + 1].start) === ' ';
  const alone = new Set(mentions.filter((o, k) => o.type === 'organisation' && !withPlace(o, k)).map((o) => o.canonical));
  mentions.forEach((m, i) => {
    if (m.type !== 'place') return;
    const previous: EntityMention | undefined = mentions[i - 1];
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    const place = text.slice(m.start, m.end);
    const unit = /(?<![\p{L}])(\p{L}+) $/u.exec(before);
    const citation = unit && /^\p{Lu}/u.test(unit[1]) ? UNITS[unit[1].toLowerCase()] : undefined;
    if (citation && /^\p{Lu}\p{Ll}/u.test(place)) edits.replace([m], 'place', `${citation} ${m.canonical}`, m.start - unit![0].length);
    else if (previous?.type === 'organisation' && previous.sentence === m.sentence && text.slice(previous.end, m.start) === ' ')
      // Named alone elsewhere, the organisation keeps its name: the place was only part of it here.
      edits.replace([previous, m], 'organisation', alone.has(previous.canonical) ? previous.canonical : `${previous.canonical} ${place}`);
    else {
      const brand = CAMEL_CASE.exec(before);
      if (brand && !(previous && previous.end > m.start - brand[0].length))
        edits.replace([m], 'organisation', `${brand[1]} ${place}`, m.start - brand[0].length);
    }
  });
  return edits.result();
}
