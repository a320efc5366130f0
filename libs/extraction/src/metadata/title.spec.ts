import { chooseTitle, cleanTitle, titlesMatch } from './title';

describe('cleanTitle', () => {
  it('strips the site name before or after the headline', () => {
    expect(cleanTitle('Council expands ferry service | Harbour Gazette', ['Harbour Gazette'])).toBe('Council expands ferry service');
    expect(cleanTitle('Harbour Gazette - Council expands ferry service', ['Harbour Gazette'])).toBe('Council expands ferry service');
    expect(cleanTitle('Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE', ['ZEIT ONLINE', 'zeit.de'])).toBe(
      'Klimaschutz: Bohren, bis es heiß wird',
    );
  });

  it('recognises the site by its host name', () => {
    expect(cleanTitle('Storm closes coastal road – example.com', ['example.com', 'example'])).toBe('Storm closes coastal road');
  });

  it('keeps dashes that belong to the headline', () => {
    expect(cleanTitle('Lakers - Nets: the preseason game goes ahead', ['Harbour Gazette'])).toBe(
      'Lakers - Nets: the preseason game goes ahead',
    );
  });

  it('drops a short trailing part after a pipe even when the site name is unknown', () => {
    expect(cleanTitle('A long headline about the harbour ferry service | Gazette', [])).toBe(
      'A long headline about the harbour ferry service',
    );
  });
});

describe('titlesMatch', () => {
  it('matches across case, punctuation and a site suffix', () => {
    expect(titlesMatch('Council Expands Ferry Service!', 'council expands ferry service - Gazette')).toBe(true);
    expect(titlesMatch('Council expands ferry service', 'Storm closes road')).toBe(false);
  });
});

describe('chooseTitle', () => {
  const base = { jsonLd: null, meta: null, document: null, h1s: [], h2s: [], siteNames: ['Harbour Gazette', 'example.com'] };

  it('prefers the <h1> when the declared title carries the site name', () => {
    expect(chooseTitle({ ...base, meta: 'Ferry timetable changes - Island Life Weekly', h1s: ['Ferry timetable changes'] })).toEqual({
      value: 'Ferry timetable changes',
      source: 'dom',
    });
  });

  it('prefers the declared title when the <h1> adds a kicker', () => {
    expect(chooseTitle({ ...base, jsonLd: 'Bohren, bis es heiß wird', h1s: ['Klimaschutz: Bohren, bis es heiß wird'] })).toEqual({
      value: 'Bohren, bis es heiß wird',
      source: 'json-ld',
    });
  });

  it('skips a declared title that is only the site name and a truncated JSON-LD headline', () => {
    expect(
      chooseTitle({
        ...base,
        meta: 'Harbour Gazette',
        document: 'Harbour Gazette',
        h1s: ['Harbour Gazette'],
        h2s: ['Night ferries return'],
      }),
    ).toEqual({
      value: 'Night ferries return',
      source: 'dom',
    });
    expect(
      chooseTitle({ ...base, jsonLd: 'Council expands the harbour ferry service after a year of…', meta: 'Council expands ferry service' })
        ?.value,
    ).toBe('Council expands ferry service');
  });
});
