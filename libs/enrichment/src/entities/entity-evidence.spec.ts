import { splitSentences } from '../text/text.tokenizer';
import { extractEntities } from './entity.extractor';

// Texts written for Copydesk, one per rule of issue #15: names the gazetteers do not know, typed by the words around them.
function entities(text: string): Record<'people' | 'organisations' | 'places', string[]> {
  const e = extractEntities(text, splitSentences(text)).entities;
  const names = (list: { name: string }[]): string[] => list.map((x) => x.name);
  return { people: names(e.people), organisations: names(e.organisations), places: names(e.places) };
}

describe('entity evidence (issue #15)', () => {
  it('takes the name after a company office ("the Founder of X", "the CEO of X") for an organisation', () => {
    const e = entities(
      'Priya Shah, the Founder of Quillory, joined in May after years at Quillory. The CEO of Brantwell, Ivo Kern, agreed. ' +
        'She later moved from Brantwell to a rival.',
    );
    expect(e.organisations).toEqual(expect.arrayContaining(['Quillory', 'Brantwell']));
    expect(e.places).not.toContain('Brantwell');
  });

  it('keeps a known place after an office of state: "the President of France"', () => {
    const e = entities('The President of France met the CEO of Norvane in Lyon on Monday.');
    expect(e.places).toEqual(expect.arrayContaining(['France', 'Lyon']));
    expect(e.organisations).toEqual(['Norvane']);
  });

  it('takes a lone surname that is also an ordinary word for a person after an honorific, also later in a list', () => {
    const e = entities('Talks between Dana Holt and President Frost ended late. Vice President Rose said little, and Judge Marsh left.');
    expect(e.people).toEqual(expect.arrayContaining(['Dana Holt', 'Frost', 'Rose', 'Marsh']));
  });

  it('takes a name of ordinary or unknown words for a person after a speech verb closing a quote, or before a role of a body', () => {
    const e = entities(
      '“Demand is weak,” added Tavi Okonkwo-Reyes. Ludo Ward, research director of the Harbour Institute, disagreed. ' +
        'The board met Ino Frost, editor of the Valley Post, on Monday.',
    );
    expect(e.people).toEqual(expect.arrayContaining(['Tavi Okonkwo-Reyes', 'Ludo Ward', 'Ino Frost']));
    expect(e.organisations).toEqual(expect.arrayContaining(['Harbour Institute', 'Valley Post']));
  });

  it('takes a full name joined by "and" to a person\'s for a person, but not a name of ordinary words', () => {
    const e = entities('The prize went to Anna Kowal and Zdravko Mirković for their mural. Air Force One and Barack Obama arrived later.');
    expect(e.people).toEqual(expect.arrayContaining(['Anna Kowal', 'Zdravko Mirković', 'Barack Obama']));
    expect(e.people).not.toContain('Air Force One');
  });

  it('takes no job title or thing after a title for a person: "Chief Strategy Officer", "native Supply Side Platforms"', () => {
    const e = entities(
      'The firm named Dana Holt its Chief Strategy Officer on Monday. It sells through native Supply Side Platforms. ' +
        'The bundle adds a controller, Vexa Ultra, for $20. Coach Ella Rose smiled, and Senator Tom Baker left.',
    );
    expect(e.people).toEqual(['Dana Holt', 'Ella Rose', 'Tom Baker']);
  });

  it('takes ordinary words joined by "&" for a product, unless the text says what kind of body they name', () => {
    const e = entities(
      'The new Wind & Water range sold out in May. Rook & Finch, a design agency in Leeds, made it, and Marks & Spencer stocked it.',
    );
    expect(e.organisations).toEqual(expect.arrayContaining(['Rook & Finch', 'Marks & Spencer']));
    expect(e.organisations).not.toContain('Wind & Water');
  });

  it('types a word no rule knows by the names it is listed with, when "and" or "or" makes the list', () => {
    const e = entities(
      'The service streams films from Disney, Quintrix, Pellamy, and Warner Bros. Fans of Netflix or Zarnova can switch. ' +
        'With Brellow, Harcourt Studio creates a maze.',
    );
    expect(e.organisations).toEqual(expect.arrayContaining(['Quintrix', 'Pellamy', 'Zarnova']));
    expect(e.organisations).not.toContain('Brellow');
  });

  it('keeps the "’s" of a brand the text only writes with it, once with no noun after it', () => {
    const e = entities(
      'Clients include Ford, Corvell’s, Dunmore’s, NBC, Fox and others. Ford’s sales rose, and Corvell’s stores reopened.',
    );
    expect(e.organisations).toEqual(expect.arrayContaining(['Ford', 'Corvell’s', 'Dunmore’s', 'NBC']));
    expect(e.organisations).not.toContain('Ford’s');
  });

  it('takes a word no rule knows before a comma and a known place for a place in it: "Skarvik, Norway"', () => {
    const e = entities('The Skarvik, Norway, plant closed. The Brellow, Harcourt Studio show opened.');
    expect(e.places).toEqual(expect.arrayContaining(['Skarvik', 'Norway']));
    expect(e.places).not.toContain('Brellow');
  });

  it('reads a web address as one word: no place, and no lower-case use of the name it contains', () => {
    const e = entities('Details are at www.quorvex.com and at Brellix.com. Shares of the firm rose after Quorvex said it would expand.');
    expect(e.organisations).toContain('Quorvex');
    expect(e.places).not.toContain('Brellix');
  });

  it('needs more than one "the X" to call a word no rule knows an organisation', () => {
    const e = entities('Critics blamed the Drovani for the delay. Later the Pellor said it would appeal, and the Pellor did.');
    expect(e.organisations).toEqual(['Pellor']);
  });

  it('takes no person from a name after a possessive determiner or a price: products are owned and priced, people are not', () => {
    const e = entities(
      'The carmaker shows its electric Stella Vento beside the saloon. Buy the monitor and get a $40 Milo Gift Card with it. ' +
        'Its chief executive Ada Brandt and their son Colm Daly came to the launch.',
    );
    expect(e.people).toEqual(expect.arrayContaining(['Ada Brandt', 'Colm Daly']));
    expect(e.people).not.toContain('Stella Vento');
    expect(e.people).not.toContain('Milo Gift Card');
  });

  it('takes a run of capitals with "and" written twice, once inside a sentence, for one body', () => {
    const e = entities(
      'Shipments are checked by Seeds and Plant Safety at every port. Each year, Seeds and Plant Safety keeps the records.',
    );
    expect(e.organisations).toEqual(['Seeds and Plant Safety']);
  });

  it('leaves a heading with "and" that only opens its lines', () => {
    const e = entities('Breakfast\n\nOats and Berries [1 cup oats, berries]\n\nLunch\n\nOats and Berries [half a cup oats]');
    expect(e.organisations).toEqual([]);
  });

  it('takes a run with a place-only word inside it for a place, not a person: "Harlow County Jail"', () => {
    const e = entities('The suspects were taken to the Harlow County Jail where they were held overnight.');
    expect(e.places).toEqual(['Harlow County Jail']);
    expect(e.people).toEqual([]);
  });

  it('takes a centre someone works at for an organisation, a centre played at for a place', () => {
    const e = entities(
      'Lena Ortiz, a soil scientist at Brimley’s Rowan Crop Research Center, and Tom Ash, a fellow at the Varden Policy ' +
        'Center, spoke. The band later played at the Lakeside Music Center.',
    );
    expect(e.organisations).toEqual(expect.arrayContaining(['Rowan Crop Research Center', 'Varden Policy Center']));
    expect(e.places).toEqual(['Lakeside Music Center']);
  });
  it('takes a name ending in a word for an armed or political body for an organisation: Organisation, Brigade, Movement, Front', () => {
    const e = entities(
      'The Karsa Liberation Organisation called for calm. The Nadiri Brigade denied any role, and the Valdor Movement ' +
        'blamed the Patriotic Unity Front.',
    );
    expect(e.organisations).toEqual(
      expect.arrayContaining(['Karsa Liberation Organisation', 'Nadiri Brigade', 'Valdor Movement', 'Patriotic Unity Front']),
    );
    expect(e.people).toEqual([]);
  });

  it('takes a name before a lower-case company suffix or a word for armed men for an organisation, not a place', () => {
    const e = entities('Investors in Brexley plc lost money. Two villages were shelled by Tazeem fighters on Monday.');
    expect(e.organisations).toEqual(expect.arrayContaining(['Brexley', 'Tazeem']));
    expect(e.places).toEqual([]);
  });

  it('takes where people of a job in the plural work for an organisation: "analysts at X"', () => {
    const e = entities('Analysts at Corvane said the price was too high, and researchers at Helmsgate agreed.');
    expect(e.organisations).toEqual(expect.arrayContaining(['Corvane', 'Helmsgate']));
    expect(e.places).toEqual([]);
  });

  it('takes a word described as founded, listed or owning something, or as a provider or regulator, for an organisation', () => {
    const e = entities(
      'Kessmer was founded in 1998 in Munich. Ostrava, a Czech city, grew. Pellmore, which owns three radio stations, ' +
        'was sold. Ascoria, a global solutions provider, grew, and the regulator Offtel fined it.',
    );
    expect(e.organisations).toEqual(expect.arrayContaining(['Kessmer', 'Pellmore', 'Ascoria', 'Offtel']));
    expect(e.organisations).not.toContain('Ostrava');
  });
  it('takes ordinary words after "the", before a verb or punctuation, for a body; not a thing, a term or a place', () => {
    const e = entities(
      'The Evening Standard reported the deal. He later told the Evening Standard he would stay, and the Stone Roses said ' +
        'nothing. She bought the Switch Lite controller. Nurses in the Intensive Care Units, and the Intensive Care, ' +
        'were tired. They walked in the Lake Country on Sunday.',
    );
    expect(e.organisations).toEqual(expect.arrayContaining(['Evening Standard', 'Stone Roses']));
    expect(e.organisations).not.toContain('Switch Lite');
    expect(e.organisations).not.toContain('Intensive Care');
    expect(e.organisations).not.toContain('Lake Country');
    expect(e.people).toEqual([]);
  });

  it('leaves ordinary words after "the" that the text also writes in lower case', () => {
    const e = entities('The Open Water was calm. Swimmers love open water in the summer.');
    expect(e.organisations).toEqual([]);
  });
  it('takes a word no list knows, opening a sentence before a verb a body uses, for an organisation; not before an auxiliary', () => {
    const e = entities('Markets fell. Talvora said the order favoured banks. Orbeline will launch in 2026.');
    expect(e.organisations).toEqual(['Talvora']);
  });

  it('leaves a known surname opening a sentence before "said" to the person rules', () => {
    const e = entities('Markets fell. Smith said the order favoured banks.');
    expect(e.organisations).toEqual([]);
  });
  it('takes a name before a club or firm job, without a possessive, for an organisation; not a person’s supporters', () => {
    const e = entities('Velmont manager Jo Bright was pleased, and Dunsford striker Al Reyes scored. Tarrow’s manager left.');
    expect(e.organisations).toEqual(expect.arrayContaining(['Velmont', 'Dunsford']));
    expect(e.organisations).not.toContain('Tarrow');
  });

  it('takes the name after "a statement from" or "profits at" for an organisation, not a place', () => {
    const e = entities('A statement from Pellworth confirmed the sale. Profits at Ravenline rose 5% last year.');
    expect(e.organisations).toEqual(expect.arrayContaining(['Pellworth', 'Ravenline']));
    expect(e.places).toEqual([]);
  });
  it('takes an ordinary word named as a kind of body for that body, not an ordinary word elsewhere', () => {
    const e = entities('The union Prospect said its members would strike. Prospect of a deal faded, and the broadcaster Sky agreed.');
    expect(e.organisations).toEqual(expect.arrayContaining(['Prospect', 'Sky']));
    const plain = entities('Prospect of a deal faded on Monday. Hopes rose.');
    expect(plain.organisations).toEqual([]);
  });
});
