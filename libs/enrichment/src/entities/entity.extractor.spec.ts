import { splitSentences } from '../text/text.tokenizer';
import { extractEntities } from './entity.extractor';

function entities(text: string, title = ''): Record<'people' | 'organisations' | 'places', Record<string, number>> {
  const e = extractEntities(text, splitSentences(text), title).entities;
  const counts = (list: { name: string; count: number }[]): Record<string, number> =>
    Object.fromEntries(list.map((x) => [x.name, x.count]));
  return { people: counts(e.people), organisations: counts(e.organisations), places: counts(e.places) };
}

describe('extractEntities', () => {
  it('reads places from datelines, addresses, residences, compass prefixes, state abbreviations and hyphen pairs', () => {
    const e = entities(
      'ZUG, SWITZERLAND\nThe firm expands. Police arrested Dana Kowalski, 29, of Franklin, near 17th Street after a chase in Wheeling, Calif., on Friday. ' +
        'Herders in Inner Mongolia worry about the US-China trade talks.',
    );
    expect(Object.keys(e.places)).toEqual(
      expect.arrayContaining(['Zug', 'Switzerland', 'Franklin', '17th Street', 'Calif', 'Inner Mongolia', 'US', 'China']),
    );
  });

  it('ends a name at a lower-case word hyphenated to it: "Party-controlled House of Representatives"', () => {
    const e = entities(
      'The Democratic Party-controlled House of Representatives voted on Tuesday. A Manchester-based charity, the Ardwick Trust, ' +
        'criticised the vote.',
    );
    expect(Object.keys(e.organisations)).toEqual(expect.arrayContaining(['Democratic Party', 'House of Representatives', 'Ardwick Trust']));
    expect(Object.keys(e.places)).toEqual(['Manchester']);
  });

  it("keeps an ordinary noun in the possessive inside an organisation name, not a person's", () => {
    const e = entities('On Monday the People’s Daily warned protesters. Dana Webb’s Bank of Oakford said nothing.');
    expect(Object.keys(e.organisations)).toEqual(expect.arrayContaining(['People’s Daily', 'Bank of Oakford']));
    expect(Object.keys(e.people)).toEqual(['Dana Webb']);
  });

  it('splits two places joined by a hyphen after an abbreviation: "U.S.-Canada"', () => {
    expect(Object.keys(entities('Trade across the U.S.-Canada border slowed in May.').places)).toEqual(
      expect.arrayContaining(['U.S.', 'Canada']),
    );
  });

  it('types a name of ordinary words or ending in a surname as an organisation when a kind of organisation is named beside it', () => {
    const e = entities(
      'The fact-checking website Plain Truth rated the claim false. The indie developer Quarry Walker released a patch. ' +
        'The study appeared in the journal Marine Letters, and later in the journal PJM.',
    );
    expect(Object.keys(e.organisations)).toEqual(expect.arrayContaining(['Plain Truth', 'Quarry Walker', 'Marine Letters', 'PJM']));
    expect(e.people).toEqual({});
  });

  it('reads outlets spoken to, kind words after a name, and more company-name endings', () => {
    const e = entities(
      'The director told the Harbour Ledger on Monday that the Quill newspaper had erred. Vantor Interactive and Brisk Therapeutics agreed.',
    );
    expect(Object.keys(e.organisations)).toEqual(
      expect.arrayContaining(['Harbour Ledger', 'Quill', 'Vantor Interactive', 'Brisk Therapeutics']),
    );
    expect(Object.keys(e.places)).not.toContain('Harbour Ledger');
  });

  it('takes a name before a capitalised job title with its organisation for a person', () => {
    const e = entities('Prakash Venkatraman, Head of Research at Quorvex Securities, expects gains. Prices rose.');
    expect(Object.keys(e.people)).toEqual(['Prakash Venkatraman']);
  });

  it('takes an acronym the text defines for that name, even when a gazetteer knows it for another body', () => {
    const e = entities('On Friday the Island Cycling Club (ICC) met. Day-by-day Quorin Kowalski briefed reporters, the ICC said.');
    expect(e.organisations).toEqual({ 'Island Cycling Club': 3 });
    expect(Object.keys(e.people)).toEqual(['Quorin Kowalski']);
  });

  it('reads natural features and roads by their last word', () => {
    const e = entities('Herders crossed the Qoltan Plateau and camped by the Veska Glacier before joining the Morrow Expressway.');
    expect(Object.keys(e.places)).toEqual(expect.arrayContaining(['Qoltan Plateau', 'Veska Glacier', 'Morrow Expressway']));
  });

  it('keeps organisation names whole and tells a workplace from a place', () => {
    const e = entities(
      'The show is made by Bob Stanton Productions, the company said. HDFC and Axis Bank gained, according to the WHO. ' +
        'Maria Olsen, senior vp partnerships at Quorvex, said sales rose.',
    );
    expect(Object.keys(e.organisations)).toEqual(expect.arrayContaining(['Bob Stanton Productions', 'Axis Bank', 'WHO', 'Quorvex']));
    expect(Object.keys(e.organisations)).not.toContain('HDFC and Axis Bank');
    expect(Object.keys(e.people)).toEqual(['Maria Olsen']);
    expect(Object.keys(e.places)).not.toContain('Quorvex');
  });

  it('keeps a given name that is also a function word or a common noun before a surname: "Bill Clinton", "Will Moy"', () => {
    const e = entities('The guests included Bill Harrowgate and a banker. It failed, Will Tanridge, chief executive of the charity, said.');
    expect(Object.keys(e.people)).toEqual(expect.arrayContaining(['Bill Harrowgate', 'Will Tanridge']));
  });

  it('takes a name after a lower-case agent noun for a person: "keeper Kepa Arrizabalaga", "founders Merav Eitan"', () => {
    const e = entities(
      'The club signed keeper Tarik Ozdemirel. The biochemist Ilsa Varnakova disagreed, and so did the newer Galaxy Fold.',
    );
    expect(Object.keys(e.people)).toEqual(expect.arrayContaining(['Tarik Ozdemirel', 'Ilsa Varnakova']));
    expect(e.people).not.toHaveProperty(['Galaxy Fold']);
  });

  it('takes a lone name before "administration" for a president\'s surname, not an organisation', () => {
    const e = entities(
      'President Anders Holloway spoke on Monday. Critics say the Holloway administration erred, and Holloway said it had not.',
    );
    expect(e.people).toEqual({ 'Anders Holloway': 3 });
    expect(e.organisations).toEqual({});
  });

  it('names a person by the first full mention and counts later short mentions', () => {
    const e = entities(
      'Defense Secretary Mark T. Esper arrived in Seoul on Friday. Esper met his counterpart. Later, Mr. Esper flew to Tokyo.',
    );
    expect(e.people).toEqual({ 'Mark T. Esper': 3 });
    expect(e.places).toEqual({ Seoul: 1, Tokyo: 1 });
  });

  it('types organisations by gazetteer, suffix, head word and acronym context', () => {
    const e = entities(
      'Toyota and Volkswagen unveiled new cars. The Department of Public Safety said the International Tennis Federation and Acme Robotics Inc. had agreed. ' +
        'Kosmos, a group founded by a footballer, paid for it. NASA and the FBI declined to comment.',
    );
    expect(Object.keys(e.organisations)).toEqual(
      expect.arrayContaining([
        'Toyota',
        'Volkswagen',
        'Department of Public Safety',
        'International Tennis Federation',
        'Acme Robotics Inc.',
        'Kosmos',
        'NASA',
        'FBI',
      ]),
    );
    expect(e.people).toEqual({});
  });

  it('takes a family named by the plural of a surname for no organisation: "the Bidens"', () => {
    const e = entities(
      'Senator Harriet Calloway asked about the inquiry. The committee wanted to know whether the Calloways had profited, ' +
        'and the Calloways said they had not.',
    );
    expect(e.people).toHaveProperty(['Harriet Calloway']);
    expect(e.organisations).not.toHaveProperty(['Calloways']);
  });

  it('counts a shortened organisation name as the full one', () => {
    const e = entities('The Sioux Falls Argus Leader reported the plan first. The governor told the Argus Leader it would go ahead.');
    expect(e.organisations).toEqual({ 'Sioux Falls Argus Leader': 2 });
  });

  it('finds places from gazetteers, suffixes and prepositions, and merges spellings of one country', () => {
    const e = entities(
      'Fans gathered at Heinz Field in Pittsburgh. The U.S. team beat Canada, and the United States now meets Northern Europe’s best. They sailed towards the Adriatic.',
    );
    expect(e.places).toEqual({ 'Heinz Field': 1, Pittsburgh: 1, 'United States': 2, Canada: 1, 'Northern Europe': 1, Adriatic: 1 });
  });

  it('splits runs that join a team, place or role to a name', () => {
    const e = entities(
      'Cleveland DL Larry Ogunjobi was fined. Spain Rafael Nadal won. CBS Sports NFL Insider Jason La Canfora reported it.',
    );
    expect(Object.keys(e.people)).toEqual(expect.arrayContaining(['Larry Ogunjobi', 'Rafael Nadal', 'Jason La Canfora']));
    expect(Object.keys(e.places)).toEqual(expect.arrayContaining(['Cleveland', 'Spain']));
    expect(Object.keys(e.organisations)).toEqual(expect.arrayContaining(['CBS']));
  });

  it('does not take products, headings, events or ordinary capitalised words for entities', () => {
    const e = entities(
      'NISSAN SENTRA\nThe 2020 Sentra goes on sale in January. Boeing’s Dreamliner jets are popular. Starry Night was on show at the Los Angeles Auto Show. However, Analysts expect growth.',
    );
    expect(e.organisations).toEqual({ Boeing: 1 });
    expect(e.people).toEqual({});
    // The place in an event's name is part of the event, which is no entity.
    expect(e.places).toEqual({});
  });

  it('keeps a function word that opens a known place in a longer name ("New York University")', () => {
    const e = entities('The chemist, who teaches at New York University, said the samples were clean.');
    expect(Object.keys(e.organisations)).toEqual(['New York University']);
  });

  it("takes a brand for a model's maker only right before the model, not across a comma in a list", () => {
    const e = entities('Revenue at Sony, Hulu and Pixar rose, while Hulu and Pixar hired staff.');
    expect(Object.keys(e.organisations)).toEqual(expect.arrayContaining(['Sony', 'Pixar']));
  });

  it('ranks by salience: frequency, early mention and the headline', () => {
    const text = 'Anna Berg opened the show. Later Tom Lind spoke. Berg thanked the crowd. Berg left early.';
    const result = extractEntities(text, splitSentences(text), 'Anna Berg opens festival').entities.people;
    expect(result.map((p) => p.name)).toEqual(['Anna Berg', 'Tom Lind']);
    expect(result[0].salience).toBeGreaterThan(result[1].salience);
    expect(result[0].salience).toBeLessThanOrEqual(1);
  });

  it('needs a sign from the text before calling a run of capitals a person', () => {
    const e = entities(
      'The Quorvel Pantheon sold out in a day, and the Liquid Retina panel looks sharp. Tarvik Oleandro, 52, runs the shop. ' +
        'Sales rose, Oleandro said.',
    );
    expect(e.people).toEqual({ 'Tarvik Oleandro': 2 });
  });

  it('reads ampersands, defined acronyms, "X for Y" heads and lower-case kind words', () => {
    const e = entities(
      'Analysts at Brindle & Okafor said the Centre for Coastal Policy Research agreed. The Northern Grain Exchange Board (NGEB) ' +
        'met on Monday, and the NGEB voted. The Velmari party won in Zabul province.',
    );
    expect(Object.keys(e.organisations)).toEqual(
      expect.arrayContaining(['Brindle & Okafor', 'Centre for Coastal Policy Research', 'Northern Grain Exchange Board', 'Velmari']),
    );
    expect(e.organisations['Northern Grain Exchange Board']).toBe(3); // the name, "(NGEB)" and "the NGEB"
    expect(Object.keys(e.places)).toContain('Zabul');
  });

  it('reads an acronym that leaves out the country or nationality opening the name it defines', () => {
    const e = entities(
      'Scientists at the Norwegian Institute for Coastal Research (ICR) said the ice was thin. The ICR found no cracks. ' +
        'The U.S. Office of Marine Safety (OMS) agreed, and the OMS sent a ship. The British Grain Council (BGC) and the BGC stayed silent.',
    );
    expect(e.organisations).toEqual({
      'Norwegian Institute for Coastal Research': 3,
      'U.S. Office of Marine Safety': 3,
      'British Grain Council': 3,
    });
  });

  it('takes an acronym for a name whose last part after "and" it leaves out', () => {
    const e = entities('The Centre for Flood Defence and Recovery warned residents. The CFD later said the river had peaked.');
    expect(e.organisations).toEqual({ 'Centre for Flood Defence and Recovery': 2 });
  });

  it('finds towns abroad from the GeoNames gazetteer, and datelines in normal case', () => {
    const e = entities('FAENZA, Italy (AP) — Floods reached Lugo and Cervia overnight.');
    expect(Object.keys(e.places)).toEqual(expect.arrayContaining(['Faenza', 'Italy', 'Lugo', 'Cervia']));
  });
});
