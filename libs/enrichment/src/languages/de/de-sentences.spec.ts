import { enrichArticle } from '../../article.enricher';
import { splitSentences } from '../../text/text.tokenizer';

// Sentences written for these tests; the people in them are invented.
describe('German sentences around „…“, »…« and «…»', () => {
  it('ends a sentence before an opening German quote mark and after a closing one', () => {
    const text =
      'Landrätin Jutta Brehm zeigte sich erleichtert. „Das ist ein guter Tag.“ Laut Kämmerer Uwe Rast ist »alles bezahlt«. «Gut so.» Danach ging es weiter.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Landrätin Jutta Brehm zeigte sich erleichtert.',
      '„Das ist ein guter Tag.“',
      'Laut Kämmerer Uwe Rast ist »alles bezahlt«.',
      '«Gut so.»',
      'Danach ging es weiter.',
    ]);
  });

  it('does not take a person named inside a quote that opens a sentence for the one a pronoun means', () => {
    const quotes = enrichArticle({
      title: 'Meldung',
      bodyText:
        'Die Fraktion kritisierte den Plan. «Wenn Herr Ebner jetzt klagt, ist das Theater», sagte der Abgeordnete Rolf Imhof am Samstag. ' +
        'Der Politiker war auch bei der Sitzung. Er fordert: «Herr Ebner sollte sich entschuldigen.»',
      language: 'de',
    }).quotes;
    expect(quotes.map((q) => q.speaker)).toEqual(['Rolf Imhof', 'Rolf Imhof']);
  });
});
