import { enrichArticle } from '../../article.enricher';

// Sentences written for these tests; the people in them are invented.
const speakers = (bodyText: string): (string | null)[] =>
  enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).quotes.map((q) => q.speaker);

describe('German quote attribution', () => {
  it.each([
    ['Die Stadträtin Anna Vogel war empört. „Das lassen wir uns nicht gefallen“, sagte sie am Abend.', 'Anna Vogel'],
    ['Innenminister Karl Brandt besuchte die Baustelle. „Wir liegen im Zeitplan“, so der Minister.', 'Karl Brandt'],
    ['„Die Zahlen sind alarmierend.“ Das betonte Vorstandschef Peter Lang am Montag in Frankfurt.', 'Peter Lang'],
    ['«Das Risiko steigt mit jeder gerodeten Fläche», sagt die Biologin Maren Holt von der Universität Basel.', 'Maren Holt'],
    ['Der Geschäftsführer der Stadtwerke, Bernd Pohl, warnte vor höheren Preisen: „Die Kosten steigen weiter.“', 'Bernd Pohl'],
    ['Weiter sagte Landrat Otto Feld: „Die Kosten tragen wir gemeinsam.“', 'Otto Feld'],
    [
      'Die Ärztin Sabine Roth arbeitet seit Jahren auf der Station.\nDazu sagt sie:\n„Die Belastung ist enorm. Viele sind erschöpft.“',
      'Sabine Roth',
    ],
    ['Der Winzer Tobias Keller ist seit 30 Jahren im Geschäft. „So einen Sommer gab es noch nie“, sagte der 54-Jährige.', 'Tobias Keller'],
  ])('%s', (text, speaker) => {
    expect(speakers(text)).toEqual([speaker]);
  });

  it('leaves a separable particle after the speaker out of its description ("teilte der Verband mit")', () => {
    expect(speakers('Der Radfahrerclub lehnt den Plan ab. „Das reicht bei weitem nicht“, teilte der Verband am Dienstag mit.')).toEqual([
      'Verband',
    ]);
    expect(speakers('„Wir sind vorbereitet“, kündigte die Sprecherin an.')).toEqual(['Sprecherin']);
  });

  it("prefers an introduction in the quote's own sentence, or right before it, to a speaker in the next sentence", () => {
    expect(speakers('Die Feuerwehr teilte mit: „Das Feuer war schnell gelöscht.“ Anwohner Lars Kemper sagte, er sei erschrocken.')).toEqual(
      ['Feuerwehr'],
    );
    expect(
      speakers(
        'Schulleiterin Greta Imhof sagte am Freitag: „Wir haben das Schuljahr gut überstanden.“ Laut Elternsprecher Rolf Danner fehlen Lehrer.',
      ),
    ).toEqual(['Greta Imhof']);
  });

  it('takes no attribution from a next sentence that quotes someone itself', () => {
    expect(speakers('Trainerin Ilka Sommer war zufrieden. «Wir haben gut gespielt.» Kapitän Nils Ortmann sagte: «Das war knapp.»')).toEqual(
      ['Ilka Sommer', 'Nils Ortmann'],
    );
  });

  it('gives words that came from a body ("hieß es aus dem Amt") to that body, the one named earlier first', () => {
    expect(speakers('„Der Antrag wird noch geprüft“, hieß es aus dem Landratsamt.')).toEqual(['Landratsamt']);
    expect(
      speakers(
        'Das Bundesministerium für Verkehr will die Brücke sanieren. „Die Mittel sind eingeplant“, hieß es aus dem Ministerium am Dienstag.',
      ),
    ).toEqual(['Bundesministerium für Verkehr']);
  });

  it('takes a compound role before a name for a title, and a definite compound role for the person in focus', () => {
    expect(speakers('„Wir sind sehr zufrieden mit der Saison“, erklärte Vereinschef Holger Brinkmann.')).toEqual(['Holger Brinkmann']);
    expect(speakers('Ministerpräsidentin Katrin Albers zeigte sich zufrieden. „Das Land ist stark“, sagte die SPD-Chefin.')).toEqual([
      'Katrin Albers',
    ]);
  });
  it('gives a quote after a colon to the person its sentence is about, with or without a speech verb', () => {
    expect(speakers('Die Kämmerin Ute Brand sieht das anders: „Mehr Geld gibt es nicht.“')).toEqual(['Ute Brand']);
    expect(speakers('„Legen Sie einfach auf“, rät ein Polizeisprecher.')).toEqual(['Polizeisprecher']);
  });

  it('reads a title abbreviation after the speech verb as part of the speaker, not as the end of the sentence', () => {
    expect(speakers('„Wir sind stolz auf das Team“, betonte der Ärztliche Direktor Prof. Dr. Jonas Fell.')).toEqual(['Jonas Fell']);
  });

  it('gives an unattributed quote to the person its own paragraph names, not to the speaker of the paragraph before', () => {
    const text =
      '„Niemals Geld an Fremde überweisen“, erklärt Verbandssprecherin Lore Finck.\n' +
      'Trainer Ansgar Demmel ist nach dem Spiel enttäuscht. „Wir haben heute einfach schlecht gespielt.“\n' +
      'Der Verein habe sich mehr erhofft, Demmel sei aber ruhig geblieben. „Das darf nicht wieder passieren.“';
    expect(speakers(text)).toEqual(['Lore Finck', 'Ansgar Demmel', 'Ansgar Demmel']);
  });
});

describe('German pull quotes', () => {
  it('gives a quote set as a heading the speaker of the same words in the text', () => {
    const quotes = enrichArticle({
      title: 'Neue Halle',
      language: 'de',
      bodyText:
        'Der Verein baut eine neue Halle. Die Arbeiten beginnen im Frühjahr.\n„Die Halle wird ein Treffpunkt“\n' +
        'Die Pläne liegen seit Jahren vor. „Die Halle wird ein Treffpunkt für das ganze Viertel“, sagte Vereinschefin Ines Lorenz.',
    }).quotes;
    expect(quotes.map((q) => q.speaker)).toEqual(['Ines Lorenz', 'Ines Lorenz']);
  });
});

describe('German quote marks that hold no speech', () => {
  const quotes = (bodyText: string): string[] => enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).quotes.map((q) => q.text);

  it('leaves out titles of works: after a noun for a work, in a list of titles, in brackets or dated by a year', () => {
    const found = quotes(
      'Die Regisseurin Paula Horn drehte hier die Kinofilme „Ein Sommer am Fluss“ und „Wer zuletzt lacht, verliert“ ' +
        'sowie Komödien-Klassiker wie „Drei Onkel und ein Pferd“, „Die Brücke nach drüben“ und „Nur noch ein Tag“. ' +
        'Später folgten die Serie „Das Haus am Hang“ (1994) und „Zwischen den Zeilen“ (1997). ' +
        'Auch Jan Roth („Der lange Weg zurück nach Hause“) versuchte es hier. ' +
        '„Wir haben hier gerne gearbeitet“, sagte Paula Horn.',
    );
    expect(found).toEqual(['Wir haben hier gerne gearbeitet']);
  });

  it('keeps speech introduced by a colon after a noun that also names a work ("nach dem Spiel: „…“")', () => {
    const found = quotes('Nach dem Spiel: „Wir müssen uns steigern, das war zu wenig“, sagte Trainer Karl Brandt.');
    expect(found).toEqual(['Wir müssen uns steigern, das war zu wenig']);
  });

  it('does not take the adverb "so" for an attribution, but "so" before a speaker', () => {
    const speakers = (bodyText: string): (string | null)[] =>
      enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).quotes.map((q) => q.speaker);
    expect(quotes('Der Trainer Karl Brandt lobte das Team. Das Gefühl „Fußball im Regen“ bleibt so glücklicherweise erhalten.')).toEqual(
      [],
    );
    expect(speakers('„Das Team hat gekämpft und verdient gewonnen“, so Trainer Karl Brandt am Sonntag.')).toEqual(['Karl Brandt']);
  });
});
