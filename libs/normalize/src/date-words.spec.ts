import { parseDateWords } from './date-words';

const fields = (text: string): string | null => {
  const d = parseDateWords(text);
  if (!d) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const zone = d.offsetMinutes === null ? '' : ` ${d.offsetMinutes}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)} ${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}${zone}`;
};

describe('parseDateWords', () => {
  it.each([
    // German: day with a dot, abbreviated weekday and month, "Uhr", MEZ/MESZ.
    ['7. Dezember 2026', '2026-12-07 00:00:00'],
    ['Mo, 07 Dez 2026', '2026-12-07 00:00:00'],
    ['07.12.2026 14:30 Uhr', '2026-12-07 14:30:00'],
    ['Montag, 7. Dezember 2026, um 14:30 Uhr', '2026-12-07 14:30:00'],
    ['Di, 08 Mär 2026 10:00:00 MEZ', '2026-03-08 10:00:00 60'],
    ['Sa., 4. Juli 2026 08:15 MESZ', '2026-07-04 08:15:00 120'],
    // French, Spanish, Italian, Portuguese, Dutch.
    ['lun., 7 déc. 2026 14:30:00 +0100', '2026-12-07 14:30:00 60'],
    ['jeudi 1er octobre 2026 à 14h30', '2026-10-01 14:30:00'],
    ['sábado, 5 de diciembre de 2026 18:00', '2026-12-05 18:00:00'],
    ['7 dicembre 2026 alle 9:05', '2026-12-07 09:05:00'],
    ['3 de março de 2026', '2026-03-03 00:00:00'],
    ['vr 4 dec. 2026 12:00', '2026-12-04 12:00:00'],
    // "mar" is March unless another word names the month, then it was mardi/martes/martedì.
    ['Mar 8, 2026 3:04 PM', '2026-03-08 15:04:00'],
    ['mar., 8 déc. 2026', '2026-12-08 00:00:00'],
    // English shapes feed generators write.
    ['January 2, 2006, 3:04 p.m.', '2006-01-02 15:04:00'],
    ['Monday, January 2, 2006 - 3:04pm', '2006-01-02 15:04:00'],
    ['2006-01-02 at 15:04:05', '2006-01-02 15:04:05'],
    ['12:30 am, 5 June 2026', '2026-06-05 00:30:00'],
    ['13/04/2026', '2026-04-13 00:00:00'],
    ['04/13/2026 10:00 GMT+2', '2026-04-13 10:00:00 120'],
  ])('reads %j', (text, expected) => expect(fields(text)).toBe(expected));

  it.each([
    '',
    'yesterday',
    // Day and month could be either way round: not guessed.
    '03/04/2026',
    // A date inside a sentence is not a date string.
    'Published on 7 December 2026 by the desk',
    'Sun, 16 Dec 2012 1:2:3:4 GMT',
    'Sun, Dec x 2012 11:47:32 GMT',
    'Sun, 16 zzz 2012 11:47:32 GMT',
    '7 Dezember',
    '7 Dezember 2026 März',
    '13:30 pm, 5 June 2026',
    'Sun, 10 Mar 2024 02:30:00 IST',
  ])('rejects %j', (text) => expect(parseDateWords(text)).toBeNull());
});
