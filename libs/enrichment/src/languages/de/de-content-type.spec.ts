import { enrichArticle } from '../../article.enricher';

// Texts written for these tests.
const typeOf = (title: string, bodyText: string, url?: string): string =>
  enrichArticle({ title, bodyText, url, language: 'de' }).contentType.type;

describe('German content types', () => {
  it('takes questions to someone answered in the first person for an interview, without Q/A labels', () => {
    const body =
      'Die Winzerin Carla Brenner führt seit zehn Jahren ein Weingut an der Mosel. Am Montag stellte sie ihren neuen Jahrgang vor.\n' +
      'Frau Brenner, wie war der Sommer für Ihre Reben?\n' +
      'Ich war lange unruhig, denn es hat kaum geregnet. Am Ende hatten wir Glück.\n' +
      'Was machen Sie anders als Ihre Eltern?\n' +
      'Wir arbeiten ohne Kunstdünger. Mein Vater fand das am Anfang seltsam.\n' +
      'Und was wünschen Sie sich für das nächste Jahr?\n' +
      'Mir reicht ein ruhiger Herbst.';
    expect(typeOf('Neuer Jahrgang an der Mosel', body)).toBe('interview');
  });

  it('reads a guide from its title, a comment from its label, and leaves a report with a day as news', () => {
    const guide =
      'Wenn die Tage kürzer werden, brauchen Balkonpflanzen weniger Wasser. Dennoch ist es ratsam, die Erde regelmäßig zu prüfen. ' +
      'Am Montag beginnt offiziell der Herbst, und viele Gärtner räumen dann die Kübel um.';
    expect(typeOf('Balkonpflanzen im Herbst: Das sollten Sie wissen', guide)).toBe('other');
    expect(typeOf('Kommentar: Der Herbst kommt zu früh', guide)).toBe('opinion');
    expect(
      typeOf(
        'Feuer in Lagerhalle',
        'Bremen (dpa) – In einer Lagerhalle im Hafen ist am Montag ein Feuer ausgebrochen. Verletzt wurde niemand, sagte ein Sprecher der Feuerwehr.',
      ),
    ).toBe('news');
  });

  it('takes a verdict, a star rating or a book data line for a review', () => {
    const body =
      'Der neue Roman von Mara Lind erzählt von einer Familie an der Küste. Die Sprache ist klar, die Figuren bleiben lange im Kopf.\n' +
      'Nur das Ende wirkt etwas gehetzt.\n' +
      'Fazit: Ein leiser, kluger Roman für lange Abende.\n' +
      'Mara Lind: Die Küste. Roman, 320 Seiten, 24 Euro.';
    expect(typeOf('Eine Familie am Meer', body)).toBe('review');
  });

  it('takes a text that speaks as "we" outside quotes, without "I" or the reader, for an organisation\'s release', () => {
    const release =
      'Der Naturschutzbund Hohenlohe hat die Feldlerche zum Tier des Jahres gewählt. Der kleine Vogel begleitet uns durch das ganze Jahr. ' +
      'Seine Bestände sind in unserer Region seit Jahren rückläufig, weil Brachflächen fehlen. Mit einem neuen Programm wollen wir ' +
      'gemeinsam mit Landwirten Blühstreifen anlegen. Im Frühjahr beginnen die ersten Zählungen.';
    expect(typeOf('Die Feldlerche ist Tier des Jahres', release, 'https://www.beispiel-verband.de/aktuell/feldlerche.html')).toBe(
      'press-release',
    );
    // The same voice with an "I" is a blog's, and one that addresses the reader a guide's.
    const blog = release
      .replace('Mit einem neuen Programm wollen wir', 'Ich finde: Mit einem neuen Programm wollen wir')
      .replace('Im Frühjahr beginnen die ersten Zählungen.', 'Ich bin bei den ersten Zählungen dabei, mein Fernglas liegt bereit.');
    expect(typeOf('Die Feldlerche ist Tier des Jahres', blog, 'https://www.beispiel-verband.de/aktuell/feldlerche.html')).not.toBe(
      'press-release',
    );
    // "We" as everyone, in a call to act, is a commentator's.
    const comment = release.replace('Mit einem neuen Programm wollen wir', 'Wir müssen endlich handeln und mit einem neuen Programm');
    expect(typeOf('Die Feldlerche ist Tier des Jahres', comment, 'https://www.beispiel-verband.de/aktuell/feldlerche.html')).not.toBe(
      'press-release',
    );
  });

  it('does not count "Sie" in questions put to someone and answered as addressing the reader', () => {
    const body =
      'Die Schauspielerin Greta Falk spielt in der neuen Serie eine Richterin. Wir haben sie in Leipzig getroffen.\n' +
      'Wie haben Sie sich auf diese Rolle vorbereitet?\n' +
      'Ich habe drei Wochen am Amtsgericht zugeschaut. Das war spannend.\n' +
      'Was hat Sie dort am meisten überrascht?\n' +
      'Mich hat die Ruhe im Saal überrascht. Im Fernsehen wird immer geschrien.\n' +
      'Was würden Sie jungen Kolleginnen raten?\n' +
      'Geduld. Gute Rollen brauchen Zeit.';
    expect(typeOf('Greta Falk über ihre neue Rolle', body, 'https://www.kultur-beispiel.de/film/greta-falk')).toBe('interview');
  });

  it('takes a release wire in the dateline for a press release, an agency for news', () => {
    const body =
      ' – Die Nordwind Logistik GmbH hat am Montag ein neues Lager in Betrieb genommen. Dort arbeiten künftig 120 Menschen. ' +
      '„Wir wachsen weiter“, sagte Geschäftsführerin Jana Lohse.';
    expect(typeOf('Neues Lager eröffnet', `Bremen (ots)${body}`)).toBe('press-release');
    expect(typeOf('Neues Lager eröffnet', `Linz (OTS)${body}`)).toBe('press-release');
    expect(typeOf('Neues Lager eröffnet', `Bremen (dpa)${body}`)).toBe('news');
  });

  it('takes an explanatory "Wie" or "Warum" title with hedged words for an analysis, not a guide addressed to the reader', () => {
    const body =
      'Im Sommer 2019 brannten in Sibirien Wälder auf einer Fläche so groß wie Belgien. Der Rauch zog bis nach Alaska.\n' +
      'Forschende vermuten, dass sich solche Brände häufen werden. Wärmere Winter könnten den Boden früher austrocknen, ' +
      'und trockene Gewitter dürften öfter Feuer entfachen. Womöglich verschiebt sich auch die Baumgrenze nach Norden.\n' +
      'Für die Tiere der Taiga wird der Lebensraum voraussichtlich knapper. Wahrscheinlich wandern manche Arten ab.';
    expect(typeOf('Klimawandel – Wie Hitze die Wälder des Nordens verändert', body)).toBe('analysis');
    expect(typeOf('Waldbrände in Sibirien', body)).not.toBe('analysis');
    expect(typeOf('Wie Sie Ihren Garten vor Trockenheit schützen', body)).not.toBe('analysis');
  });

  it('takes questions without "Sie", each answered in the first person, or two speakers taking turns for an interview', () => {
    const questions =
      'Der Bergführer Lukas Stein ist seit dreißig Jahren in den Dolomiten unterwegs.\n' +
      'Was hat sich in dieser Zeit am Berg verändert?\n' +
      'Ich sehe viel mehr Steinschlag als früher. Wir planen Touren heute anders.\n' +
      'Ist das Klettern dadurch gefährlicher geworden?\n' +
      'Für mich nicht, weil ich früher aufbreche. Mittags sind die Wände jetzt oft zu warm.\n' +
      'Und wie lange geht das noch gut?\n' +
      'Das weiß ich nicht. Mein Sohn will den Beruf trotzdem lernen.';
    expect(typeOf('Ein Leben am Berg', questions)).toBe('interview');
    const turns =
      'Die Autorin Hanna Vogt hat einen Roman über ihre Heimatstadt geschrieben.\n' +
      'Morgenblatt: Warum gerade Kassel?\n' +
      'Vogt: Weil ich dort jede Straße kenne und trotzdem noch überrascht werde.\n' +
      'Morgenblatt: Wie viel von Ihnen steckt in der Hauptfigur?\n' +
      'Vogt: Weniger, als meine Mutter glaubt.\n' +
      'Morgenblatt: Und das nächste Buch?\n' +
      'Vogt: Ist schon angefangen, mehr verrate ich nicht.';
    expect(typeOf('Ein Roman über Kassel', turns)).toBe('interview');
  });

  it('takes a title or a URL marked as an obituary for one, not a report of a death', () => {
    const body =
      'Die Bildhauerin Erika Brandt ist am Sonntag im Alter von 91 Jahren in Kiel gestorben. Sie wurde 1933 in Flensburg geboren ' +
      'und schuf mehr als zweihundert Skulpturen aus Granit.';
    expect(typeOf('Nachruf: Die Frau, die den Stein zum Sprechen brachte', body)).toBe('obituary');
    expect(
      typeOf('Die Frau, die den Stein zum Sprechen brachte', body, 'https://www.zeitung-beispiel.de/kultur/nachrufe/erika-brandt'),
    ).toBe('obituary');
    expect(typeOf('Bildhauerin Erika Brandt gestorben', body)).not.toBe('obituary');
  });

  it('takes the sender\'s boilerplate, a heading "Über …" or a press office\'s address, for a release', () => {
    const body =
      'Die Nordwind Logistik GmbH eröffnet im Mai ein neues Lager in Bremen. Dort entstehen 120 Arbeitsplätze.\n' +
      'Das Lager ist das dritte des Unternehmens in Norddeutschland.';
    expect(typeOf('Neues Lager in Bremen', `${body}\nÜber Nordwind Logistik\nNordwind ist ein Familienunternehmen aus Verden.`)).toBe(
      'press-release',
    );
    expect(typeOf('Neues Lager in Bremen', `${body}\nFragen beantwortet presse@nordwind.example`)).toBe('press-release');
    expect(typeOf('Neues Lager in Bremen', `${body}\nÜber die Pläne wird der Rat im Juni beraten.`)).not.toBe('press-release');
  });

  it('reads the interviewer named at the end, "im Gespräch" titles and review or commentary sections in the URL', () => {
    const body =
      'Die Kapitänin Ruth Hansen bringt seit zwanzig Jahren Frachter durch den Nord-Ostsee-Kanal. Im Winter ist das am schwersten.\n' +
      'Der Kanal ist eng, und bei Nebel sieht man die Böschung kaum.';
    expect(typeOf('Zwanzig Jahre auf dem Kanal', `${body}\nDas Gespräch führte Jonas Weber.`)).toBe('interview');
    expect(typeOf('Ruth Hansen im Gespräch: Zwanzig Jahre auf dem Kanal', body)).toBe('interview');
    expect(typeOf('Zwanzig Jahre auf dem Kanal', body, 'https://www.zeitung-beispiel.de/kultur/rezensionen/kanal-buch')).toBe('review');
    expect(typeOf('Zwanzig Jahre auf dem Kanal', body, 'https://www.zeitung-beispiel.de/leitartikel/kanal')).toBe('opinion');
    expect(typeOf('Zwanzig Jahre auf dem Kanal', `${body}\nMit Vertretern der Reedereien sprachen die Minister am Montag.`)).not.toBe(
      'interview',
    );
  });
});
