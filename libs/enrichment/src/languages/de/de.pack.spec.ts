import { enrichArticle } from '../../article.enricher';

// Short German texts written for these tests; people, organisations and quotes are invented.
const places = (bodyText: string): string[] =>
  enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities.places.map((p) => p.name);

describe('German pack: places', () => {
  it('reads continents and world regions from CLDR, compass compounds and place nouns before a name', () => {
    const found = places(
      'Die Reise führt im Frühjahr durch Südostasien und später nach Westafrika. In Westdeutschland regnet es seit Tagen. ' +
        'Im Kanton Obwalden und in der Region Hohenlohe wurden die Straßen gesperrt, die Feuerwehr war im Einsatz.',
    );
    expect(found).toEqual(expect.arrayContaining(['Südostasien', 'Westafrika', 'Westdeutschland', 'Kanton Obwalden', 'Hohenlohe']));
  });

  it('takes a town name before a month for a point in time, and a plural for no genitive of a small town', () => {
    // "Mitte" and "Ende" are towns in GeoNames; "Bars" is no genitive of Bar (Montenegro).
    const found = places(
      'Die Saison endet meist Mitte September, die Jungen verlassen das Nest Ende Juni. In den Bars der Altstadt von Hamburg wird gefeiert. ' +
        'Die Händler Berlins sind zufrieden.',
    );
    expect(found).not.toEqual(expect.arrayContaining(['Mitte']));
    expect(found).not.toContain('Ende');
    expect(found).not.toContain('Bar');
    expect(found).toEqual(expect.arrayContaining(['Hamburg', 'Berlin']));
  });
});

describe('German pack: regions in the genitive', () => {
  it('reads the genitive of a Land the noun lexicon lists without a plural ("Bayerns"), not of a common noun ("Landes")', () => {
    const found = places('In Bayerns Hauptstadt demonstrierten Tausende. Die Wirtschaft des Landes wächst, die des Saarlands nicht.');
    expect(found).toEqual(expect.arrayContaining(['Bayern', 'Saarland']));
    expect(found).not.toContain('Land');
  });
});

describe('German pack: surnames named like towns', () => {
  it('reads the surname of someone named in full as that person, unless a place preposition stands before it', () => {
    const e = enrichArticle({
      title: 'Meldung',
      bodyText: 'Frank Lindau aus Husum wurde geehrt. Lindau bedankte sich. Am Abend fuhr er nach Lindau weiter.',
      language: 'de',
    }).entities;
    expect(e.people.map((p) => p.name)).toEqual(['Frank Lindau']);
    expect(e.people[0].count).toBe(2);
    expect(e.places.find((p) => p.name === 'Lindau')?.count).toBe(1);
  });
});

describe('German pack: English words borrowed into German', () => {
  it('takes an English word that names a small town abroad for the word, unless a place preposition stands before it', () => {
    const found = places('Beim ersten Date ging es schief. Der Deal platzte am Montag. Im Sommer flog sie nach Deal.');
    expect(found).not.toContain('Date');
    expect(found).toEqual(['Deal']);
  });
});

describe('German pack: landscapes and roads named in one compound', () => {
  it('reads a name compounded with "-tal", "-see", "-gebirge" or "-autobahn" as a place, not a common noun or a compound of nouns', () => {
    const found = places(
      'Das Lechnertal lockt Biker, die Ufer des Wendelsees sind voll. Über die Tauernautobahn geht es weiter. ' +
        'Das Kapital fehlt, am Stausee badeten Kinder, der Urwald brennt.',
    );
    expect(found).toEqual(expect.arrayContaining(['Lechnertal', 'Wendelsee', 'Tauernautobahn']));
    expect(found).toHaveLength(3);
  });
});

describe('German pack: towns named like common nouns', () => {
  it('takes "am Boden", "mit dem Zug", "die Lage" for nouns, "in Lage" and "Bayern" for places', () => {
    const found = places(
      'Die Eule jagt meist am Boden. Mit dem Zug geht es weiter, die Lage ist ruhig. ' +
        'In Lage und in Bielefeld regnet es, Bayern meldet Schnee.',
    );
    expect(found).not.toContain('Boden');
    expect(found).not.toContain('Zug');
    expect(found).toEqual(expect.arrayContaining(['Lage', 'Bielefeld', 'Bayern']));
  });
});

describe('German pack: small towns of German-speaking countries', () => {
  it('finds small towns from GeoNames, but not noun forms or the surname of someone named', () => {
    const found = places(
      'Die Strecke führt von Ischgl über Kappl nach Landeck. Auf den Wiesen blüht es. ' +
        'Der Wirt Georg Allendorf lobt die Saison, sagte Allendorf.',
    );
    expect(found).toEqual(expect.arrayContaining(['Ischgl', 'Kappl', 'Landeck']));
    expect(found).not.toContain('Wiesen');
    expect(found).not.toContain('Allendorf');
  });
});

describe('German pack: organisations', () => {
  const organisations = (bodyText: string): string[] =>
    enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities.organisations.map((o) => o.name);

  it('names an acronym in brackets after a name by that name, also later, and knows organisations by name', () => {
    const found = organisations(
      'Die Bergwacht-Landesverband (BLN) und der Tierschutz-Ring-Bund (TRB) fordern mehr Geld. ' +
        'Der TRB verweist auf eine Studie von Greenpeace und Amnesty International. Die Zahlen veröffentlichte der BLN am Montag.',
    );
    expect(found).toEqual(
      expect.arrayContaining(['Bergwacht-Landesverband', 'Tierschutz-Ring-Bund', 'Greenpeace', 'Amnesty International']),
    );
    expect(found).not.toContain('TRB');
    expect(found).not.toContain('BLN');
  });

  it('takes everyday compounds of weak heads for common nouns, institutional ones for names', () => {
    const found = organisations(
      'Der Winterdienst räumt die Straßen, die Redaktion berichtet, und das Ehrenamt wird gestärkt. ' +
        'Das Bundesamt für Bevölkerungsschutz warnt, sagte ein Sprecher der Stadtwerke am Dienstag.',
    );
    expect(found).not.toEqual(expect.arrayContaining(['Winterdienst']));
    expect(found).not.toContain('Redaktion');
    expect(found).not.toContain('Ehrenamt');
    expect(found).toContain('Bundesamt für Bevölkerungsschutz');
  });
});

describe('German pack: quotes', () => {
  const speakers = (bodyText: string): (string | null)[] =>
    enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).quotes.map((q) => q.speaker);

  it('takes the name after a role, a name before a colon, and the reporter of speech before the quote', () => {
    expect(
      speakers(
        '„Wir brauchen mehr Einsatzkräfte in den Dörfern“, sagt die Präsidentin des Landesfeuerwehrverbands, Jutta Krämer. ' +
          'Der Verband will im Herbst nachlegen.\n' +
          'Kritik kam von Bürgermeister Olaf Brandt, der den Plan für zu teuer hält, sagte Brandt am Montag in Husum. ' +
          'Die Gemeinde sei ohnehin am Limit. „So kann es nicht weitergehen.“\n' +
          'Martin Ahlers: „Wir haben seit Jahren davor gewarnt.“',
      ),
    ).toEqual(['Jutta Krämer', 'Olaf Brandt', 'Martin Ahlers']);
  });

  it('takes the speaker after the verb when a demonstrative or "laut" stands before it', () => {
    expect(
      speakers(
        'Der Stadtrat tagte am Abend. „Wir werden das Geld zurückfordern.“ Das sagte Bürgermeisterin Anke Voss am Dienstag.\n' +
          'Laut Kämmerer Jens Albrecht ist der Haushalt „auf Kante genäht, aber solide“.',
      ),
    ).toEqual(['Anke Voss', 'Jens Albrecht']);
  });

  it('closes „ and « with a straight mark, so a mixed pair does not swallow the quotes after it', () => {
    const e = enrichArticle({
      title: 'Meldung',
      bodyText:
        'Fledermäuse fühlen sich in „menschennahen Nischen" wohl. Die Forscherin Lena Brandt warnt. ' +
        '«In so einem Fall ist das Risiko einer Epidemie sehr hoch», sagte Brandt am Montag.',
      language: 'de',
    });
    expect(e.quotes.map((q) => [q.text.slice(0, 20), q.speaker])).toContainEqual(['In so einem Fall ist', 'Lena Brandt']);
  });

  it('reports a quote of an acronym defined beside its name under that name', () => {
    expect(
      speakers(
        'Der BNV (Bergischer Nahverkehrsverband) meldete sich am Samstag zu Wort. ' +
          '„Die Züge fallen seit Wochen aus, das ist nicht hinnehmbar“, schrieb der BNV auf seiner Internetseite.',
      ),
    ).toEqual(['Bergischer Nahverkehrsverband']);
  });
});

describe('German pack: content type', () => {
  const type = (title: string, bodyText: string, url?: string): string =>
    enrichArticle({ title, bodyText, url, language: 'de' }).contentType.type;

  it('takes a text without any sign of a report for a guide or feature, and one with a dateline for news', () => {
    expect(
      type(
        'Wandern im Harz',
        'Der Harz ist ein Mittelgebirge mit vielen Wegen. Die schönsten Touren führen durch dichte Wälder und über offene Hochflächen. ' +
          'Wer früh startet, hat die Aussicht für sich allein. Im Herbst färben sich die Buchen, im Winter liegt oft Schnee.',
      ),
    ).toBe('other');
    expect(
      type(
        'Brücke gesperrt',
        'Kassel (dpa) – Die Fuldabrücke bleibt nach einem Unfall bis auf Weiteres gesperrt. Ein Lastwagen hatte am Montag das Geländer durchbrochen. ' +
          'Die Polizei sagte, der Fahrer sei leicht verletzt worden.',
      ),
    ).toBe('news');
  });

  it('counts the reader addressed and the first person outside quotes only, in any quote style', () => {
    const e = enrichArticle({
      title: 'Streit um Radwege',
      bodyText:
        'Kassel (dpa) – Der Stadtrat streitet über neue Radwege. „Ich sage Ihnen, Sie werden das bereuen“, rief ein Ratsmitglied. ' +
        '»Ich finde, du hast recht«, antwortete eine Kollegin am Montag. «Ich bleibe dabei», sagte der Bürgermeister.',
      language: 'de',
    });
    expect(e.contentType.type).toBe('news');
    expect(e.contentType.evidence.join(' ')).not.toMatch(/reader|first person/);
  });

  it('takes a text that addresses the reader for a service piece, not news', () => {
    expect(
      type(
        'So klappt der Umzug',
        'Wenn Sie umziehen, sollten Sie früh planen. Melden Sie sich rechtzeitig beim Einwohnermeldeamt um. ' +
          'Die Kosten für die Spedition können Sie unter Umständen von der Steuer absetzen.',
        'https://example.de/ratgeber/umzug',
      ),
    ).toBe('other');
  });
});

describe('German pack: keywords and summary', () => {
  it('leaves German function words out of keywords', () => {
    const e = enrichArticle({
      title: 'Stadtrat beschließt neue Radwege',
      bodyText:
        'Der Stadtrat hat am Montag neue Radwege beschlossen. Die Radwege sollen bis 2028 gebaut werden, sagte die Bürgermeisterin. ' +
        'Die Radwege werden nicht billig, aber die Radwege sind nötig. Über die Radwege wird seit Jahren gestritten, und die Kosten der Radwege steigen.\n' +
        'Die Opposition will die Kosten der Radwege prüfen lassen. Die Kosten seien zu hoch, die Radwege aber wichtig.',
      language: 'de',
    });
    expect(e.keywords).toContain('radwege');
    for (const w of ['werden', 'nicht', 'aber', 'sind', 'seit', 'über']) expect(e.keywords).not.toContain(w);
    expect(e.summary.length).toBeGreaterThan(0);
  });
});

describe('German pack: genitive places', () => {
  it('joins a place in the nominative to a generic head, not one in the genitive', () => {
    const e = enrichArticle({
      title: 'Meldung',
      bodyText: 'Er sprach an der Universität Hamburg über die größte Partei Deutschlands und ihre Pläne für das kommende Jahr.',
      language: 'de',
    });
    expect(e.entities.organisations.map((o) => o.name)).toContain('Universität Hamburg');
    expect(e.entities.organisations.map((o) => o.name)).not.toContain('Partei Deutschlands');
    expect(e.entities.places.map((p) => p.name)).toContain('Deutschland');
  });
});

describe('German pack: names after a kind of organisation', () => {
  const organisations = (bodyText: string): string[] =>
    enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities.organisations.map((o) => o.name);

  it('takes the names after "Musikkonzern", "Verleihfirmen", "Band", also in a list', () => {
    const found = organisations(
      'Der Musikkonzern Quorvex Records verhandelt mit dem Streamingdienst Lumora. Die Verleihfirmen Panorama und Filmwerk Nord ' +
        'zeigten Interesse, ebenso die Band Kaltfront.',
    );
    expect(found).toEqual(expect.arrayContaining(['Quorvex Records', 'Lumora', 'Panorama', 'Filmwerk Nord', 'Kaltfront']));
    expect(organisations('Das berichtete das Magazin „Quellblick“ am Freitag.')).toContain('Quellblick');
  });

  it('takes no common noun, country or genitive for such a name', () => {
    const found = organisations(
      'Wir wissen, dass die Bank Zinsen zahlt. Der Anbieter Abrechnungsdienstleister fehlt, die größte Partei Deutschlands auch.',
    );
    expect(found).not.toEqual(expect.arrayContaining(['Zinsen']));
    expect(found).not.toContain('Abrechnungsdienstleister');
    expect(found).not.toContain('Deutschlands');
  });
});

describe('German pack: people described as people', () => {
  it('takes two name words before an age in brackets or a role in apposition for a person', () => {
    const e = enrichArticle({
      title: 'Meldung',
      bodyText:
        'Das Werk entstand im Dialog mit Kumi Naidoo, früherer Generalsekretär einer Hilfsorganisation. Ole Brandvik (45) lebt in Köln.',
      language: 'de',
    });
    expect(e.entities.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Kumi Naidoo', 'Ole Brandvik']));
    expect(e.entities.places.map((p) => p.name)).not.toContain('Kumi');
  });
});

describe('German pack: soft hyphens from web pages', () => {
  it('reads a name or compound hyphenated with &shy; as one word', () => {
    const e = enrichArticle({
      title: 'Meldung',
      bodyText: 'Die Regisseurin Lotte Weiden\u00adfeller drehte den Film. Das Bundes\u00administerium für Kultur förderte ihn.',
      language: 'de',
    });
    expect(e.entities.people.map((p) => p.name)).toEqual(['Lotte Weidenfeller']);
    expect(e.entities.organisations.map((o) => o.name)).toContain('Bundesministerium für Kultur');
  });
});

describe('German pack: given names that are words', () => {
  const people = (bodyText: string): string[] =>
    enrichArticle({ title: 'Meldung', bodyText, language: 'de' }).entities.people.map((p) => p.name);

  it('takes a given name before an abstract noun, or a noun-like given name after an article, for no person', () => {
    expect(people('Im Februar verspricht Venus Erholung für alle Paare. Die Larven der Art Aedes überwintern im Wasser.')).toEqual([]);
  });

  it('keeps such given names before a surname, and short surnames in -ung', () => {
    expect(people('Rose Kessler leitet den Chor seit 2010. Am Klavier begleitet sie Mark Hartung.')).toEqual(
      expect.arrayContaining(['Rose Kessler', 'Mark Hartung']),
    );
  });
});
