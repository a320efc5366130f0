import { mediaTopicTopLevel } from '../../topics/media-topics.scheme';
import { enrichArticle } from '../../article.enricher';

// Texts written for these tests.
const firstTopic = (title: string, bodyText: string): string | undefined => {
  const first = enrichArticle({ title, bodyText, language: 'de' }).topics[0];
  return first ? (mediaTopicTopLevel(first.qcode)?.qcode ?? first.qcode) : undefined;
};

describe('German topics', () => {
  it('files horoscopes and relaxation pieces under lifestyle, though they speak of love and life', () => {
    const horoscope =
      'Das Horoskop für den März: Für das Sternzeichen Löwe wird die Liebe spannend. Singles flirten gern, und im Leben ' +
      'von Paaren kehrt Ruhe ein. Für das Sternzeichen Stier bringt der Monat Entspannung, die Liebe wächst langsam.';
    expect(firstTopic('Monatshoroskop: Was die Sterne sagen', horoscope)).toBe('medtop:10000000');
    const relax =
      'Zehn Minuten Meditation am Morgen bringen mehr Lebensfreude in den Tag. Die Achtsamkeit hilft beim Entspannen, ' +
      'und ein kurzes Workout am Abend rundet das Programm ab. Das Leben wird leichter, wenn man sich Zeit für Entspannung nimmt.';
    expect(firstTopic('Entspannt in den Tag', relax)).toBe('medtop:10000000');
  });

  it('still files a wedding and a birthday under human interest', () => {
    const body =
      'Das Ehepaar Brandt feiert am Samstag goldene Hochzeit. Vor 50 Jahren gaben sich die beiden in der Dorfkirche das Jawort. ' +
      'Zum Geburtstag des Mannes im Mai kam die ganze Familie zusammen, Kinder und Enkel gratulierten.';
    expect(firstTopic('Goldene Hochzeit im Dorf', body)).toBe('medtop:08000000');
  });
});
