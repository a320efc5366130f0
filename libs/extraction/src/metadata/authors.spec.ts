import { isUrlLike, parseByline } from './authors';

describe('parseByline', () => {
  it.each([
    ['By Jane Doe', ['Jane Doe']],
    ['By Jane Doe and John Roe, Staff Writers', ['Jane Doe', 'John Roe']],
    ['Jill Disis, CNN Business', ['Jill Disis']],
    ['Sarah E. Needleman', ['Sarah E. Needleman']],
    ['Von Fiona Bornhöft und Mariam Hofbeck', ['Fiona Bornhöft', 'Mariam Hofbeck']],
    ['Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET', ['Bryan DeArdo']],
    ['By Jane Doe | Updated 3:04 PM EST, Tue November 19, 2019', ['Jane Doe']],
    ['Par Marie Dupont', ['Marie Dupont']],
    ['Author: Kim Lee; Sam Park', ['Kim Lee', 'Sam Park']],
    ['The Associated Press', ['The Associated Press']],
    ['Veröffentlicht vonChris Jung', ['Chris Jung']],
    ['Juan Carlos Muñoz C.', ['Juan Carlos Muñoz C.']],
    ['Marwan H. Adwan1', ['Marwan H. Adwan']],
    ['Katharina Schmidt Kategorien: Mode', ['Katharina Schmidt']],
    ['Art Edwards says', ['Art Edwards']],
    ['Posted by', []],
    ['Web Commerce GmbH www.example-agency.de', []],
  ])('%s', (raw, expected) => {
    expect(parseByline(raw)).toEqual(expected);
  });

  it('returns nothing for URLs and empty strings', () => {
    expect(parseByline('https://www.example.com/authors/jane')).toEqual([]);
    expect(parseByline('   ')).toEqual([]);
  });

  it('drops the site name next to a person, but keeps it when it is the only author', () => {
    expect(parseByline('unocero - Alberto Ávila', ['unocero'])).toEqual(['Alberto Ávila']);
    expect(parseByline('SolarServer', ['SolarServer'])).toEqual(['SolarServer']);
  });

  it('removes case-insensitive duplicates', () => {
    expect(parseByline('Jane Doe, jane doe')).toEqual(['Jane Doe']);
  });
});

describe('isUrlLike', () => {
  it('spots profile URLs and handles', () => {
    expect(isUrlLike('https://facebook.com/jane')).toBe(true);
    expect(isUrlLike('@jane')).toBe(true);
    expect(isUrlLike('Jane Doe')).toBe(false);
  });
});

describe('parseByline: posting notes before the name', () => {
  it.each([
    ['Posted at 2:31 pm on December 7, 2026 by Jane Doe', ['Jane Doe']],
    ['Published 7 Dec 2026, 14:30 von Max Muster und Erika Beispiel', ['Max Muster', 'Erika Beispiel']],
    ['Publié le 7 décembre 2026 à 14h30 par Jean Dupont', ['Jean Dupont']],
    ['By Jane Doe | Updated Nov. 19, 2019', ['Jane Doe']],
  ])('%j → %j', (byline, names) => expect(parseByline(byline)).toEqual(names));
});
