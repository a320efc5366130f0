import { splitSentences } from '../text/text.tokenizer';
import { extractEntities } from './entity.extractor';

function names(text: string): Record<'people' | 'organisations' | 'places', string[]> {
  const e = extractEntities(text, splitSentences(text)).entities;
  return { people: e.people.map((x) => x.name), organisations: e.organisations.map((x) => x.name), places: e.places.map((x) => x.name) };
}

describe('place evidence (issue #15)', () => {
  it('takes a name after "the town of", "the island of", "the coast of" for a place, also when it is a given name', () => {
    const e = names(
      'Water rose in the town of Kendal on Tuesday. A quake struck off the coast of Mindanao. Ferries to the island of Skarra were cancelled.',
    );
    expect(e.places).toEqual(expect.arrayContaining(['Kendal', 'Mindanao', 'Skarra']));
    expect(e.people).toEqual([]);
  });

  it('takes a name with a bearing before it for a place: "20 miles north of Dorvik"', () => {
    expect(names('The convoy stopped 20 miles north of Dorvik on Sunday.').places).toEqual(['Dorvik']);
  });

  it('takes a name described as a kind of place in an apposition, but not a person described in a place', () => {
    const e = names('Troops entered Beryslav, a town on the river, at dawn. Ann Mallory, a teacher in the town where she grew up, wept.');
    expect(e.places).toEqual(['Beryslav']);
    expect(e.people).toEqual(['Ann Mallory']);
  });

  it('takes a possessive before an office only places have for a place: "Hesse\'s justice minister"', () => {
    const e = names("Hesse's justice minister said the raids would go on. Skarvo's governor agreed.");
    expect(e.places).toEqual(expect.arrayContaining(['Hesse', 'Skarvo']));
    expect(e.people).toEqual([]);
  });

  it('takes a run opened by "Mount", "Lake" or "Cape" for a place, not a person', () => {
    const e = names('Climbers were rescued from Mount Kenya. Lake Victoria has risen, and storms hit Cape Farewell.');
    expect(e.places).toEqual(expect.arrayContaining(['Mount Kenya', 'Lake Victoria', 'Cape Farewell']));
    expect(e.people).toEqual([]);
  });

  it('keeps an ordinary noun before a place-only word in the name: "the Mission District"', () => {
    expect(names('The fire started in the Mission District shortly after midnight.').places).toEqual(['Mission District']);
  });

  it('takes a word no rule knows joined by "and" to a place for a place, but not a people after "the"', () => {
    expect(names('Flights to Bastia and Calvi resume in May.').places).toEqual(['Bastia', 'Calvi']);
    expect(names('He sided with the Kurds and Ukraine.').places).toEqual(['Ukraine']);
  });
});

describe('place prepositions (issue #15)', () => {
  it('counts "through", "off", "along" and "around" before a word no rule knows as a vote for a place', () => {
    expect(names('The wildfire spread through Maui overnight.').places).toEqual(['Maui']);
    expect(names('A tanker ran aground off Skerrvik on Monday.').places).toEqual(['Skerrvik']);
  });
});

describe('kinds of place after a name (issue #15)', () => {
  it('takes a name before "oblast", "governorate", "airport", "coast" and the like for a place, even a person-like one', () => {
    const e = names('Shelling hit Dorvane oblast and Kessra governorate. The plane left Jorge Chavez airport at noon.');
    expect(e.places).toEqual(expect.arrayContaining(['Dorvane', 'Kessra', 'Jorge Chavez']));
    expect(e.people).toEqual([]);
  });
});

describe('surnames that are place words (issue #15)', () => {
  it('takes a name ending in a word like "Hill" for a person when it speaks or is described as one', () => {
    const e = names('“We will open in May,” Aubyn Hill told reporters. Corran Lane, 45, agreed. Tourists climbed Skarra Hill.');
    expect(e.people).toEqual(expect.arrayContaining(['Aubyn Hill', 'Corran Lane']));
    expect(e.places).toEqual(['Skarra Hill']);
  });
});

describe('datelines (issue #15)', () => {
  it('reads a dateline whose country after the comma is in normal case: "NUUK, Greenland —"', () => {
    expect(names('SKARVIK, Greenland — The island’s government said on Tuesday it would hold talks.').places).toEqual(
      expect.arrayContaining(['Skarvik', 'Greenland']),
    );
  });
});

describe('US state abbreviations (issue #15)', () => {
  it('keeps "La." after a town and a comma, though "la" is a function word elsewhere', () => {
    expect(names('The senator spoke at a rally in Darrow, La., on Friday.').places).toEqual(expect.arrayContaining(['Darrow', 'La']));
  });
});

describe('small towns of the countries an article names (issue #15)', () => {
  const text = (country: string): string =>
    `Ischgl became a byword for the outbreak, ${country} officials said on Monday. Hotels there reopened in May.`;

  it('takes a GeoNames town of 1,000 to 15,000 people for a place when the article names its country or people', () => {
    expect(names(text('Austrian')).places).toEqual(['Ischgl']);
    expect(names(`${text('regional')} Vorarlberg disagreed.`).places).toEqual(expect.arrayContaining(['Ischgl']));
  });

  it('leaves the word untyped when the article names no country the town is in', () => {
    expect(names(text('Swedish')).places).not.toContain('Ischgl');
  });
});
