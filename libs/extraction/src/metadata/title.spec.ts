import { cleanTitle, titlesMatch } from './title';

describe('cleanTitle', () => {
  it('strips the site name before or after the headline', () => {
    expect(cleanTitle('Council expands ferry service | Harbour Gazette', ['Harbour Gazette'])).toBe('Council expands ferry service');
    expect(cleanTitle('Harbour Gazette - Council expands ferry service', ['Harbour Gazette'])).toBe('Council expands ferry service');
    expect(cleanTitle('Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE', ['ZEIT ONLINE', 'zeit.de'])).toBe('Klimaschutz: Bohren, bis es heiß wird');
  });

  it('recognises the site by its host name', () => {
    expect(cleanTitle('Storm closes coastal road – example.com', ['example.com', 'example'])).toBe('Storm closes coastal road');
  });

  it('keeps dashes that belong to the headline', () => {
    expect(cleanTitle('Lakers - Nets: the preseason game goes ahead', ['Harbour Gazette'])).toBe('Lakers - Nets: the preseason game goes ahead');
  });

  it('drops a short trailing part after a pipe even when the site name is unknown', () => {
    expect(cleanTitle('A long headline about the harbour ferry service | Gazette', [])).toBe('A long headline about the harbour ferry service');
  });
});

describe('titlesMatch', () => {
  it('matches across case, punctuation and a site suffix', () => {
    expect(titlesMatch('Council Expands Ferry Service!', 'council expands ferry service - Gazette')).toBe(true);
    expect(titlesMatch('Council expands ferry service', 'Storm closes road')).toBe(false);
  });
});
