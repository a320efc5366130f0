/**
 * Month names and common abbreviations in the languages of our sources, lower case, without dots.
 * Values are month numbers 1-12.
 */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  (
    [
      // English
      ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
      ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
      ['sep', 9], ['sept', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
      // German
      ['januar', 1], ['jänner', 1], ['jän', 1], ['februar', 2], ['märz', 3], ['maerz', 3], ['mär', 3], ['mai', 5],
      ['juni', 6], ['juli', 7], ['oktober', 10], ['okt', 10], ['dezember', 12], ['dez', 12],
      // French
      ['janvier', 1], ['janv', 1], ['février', 2], ['fevrier', 2], ['févr', 2], ['fév', 2], ['mars', 3], ['avril', 4],
      ['avr', 4], ['juin', 6], ['juillet', 7], ['juil', 7], ['août', 8], ['aout', 8], ['septembre', 9], ['octobre', 10],
      ['novembre', 11], ['décembre', 12], ['decembre', 12], ['déc', 12],
      // Spanish
      ['enero', 1], ['ene', 1], ['febrero', 2], ['marzo', 3], ['abril', 4], ['abr', 4], ['mayo', 5], ['junio', 6],
      ['julio', 7], ['agosto', 8], ['ago', 8], ['septiembre', 9], ['setiembre', 9], ['octubre', 10], ['noviembre', 11],
      ['diciembre', 12], ['dic', 12],
      // Italian
      ['gennaio', 1], ['gen', 1], ['febbraio', 2], ['aprile', 4], ['maggio', 5], ['mag', 5], ['giugno', 6], ['giu', 6],
      ['luglio', 7], ['lug', 7], ['settembre', 9], ['set', 9], ['ottobre', 10], ['ott', 10], ['dicembre', 12],
      // Portuguese
      ['janeiro', 1], ['fevereiro', 2], ['fev', 2], ['março', 3], ['marco', 3], ['maio', 5], ['junho', 6],
      ['julho', 7], ['setembro', 9], ['outubro', 10], ['out', 10], ['novembro', 11], ['dezembro', 12],
      // Dutch
      ['januari', 1], ['februari', 2], ['maart', 3], ['mei', 5], ['augustus', 8], ['okt', 10],
      // Polish (nominative and genitive)
      ['styczeń', 1], ['stycznia', 1], ['luty', 2], ['lutego', 2], ['marzec', 3], ['marca', 3], ['kwiecień', 4],
      ['kwietnia', 4], ['maj', 5], ['maja', 5], ['czerwiec', 6], ['czerwca', 6], ['lipiec', 7], ['lipca', 7],
      ['sierpień', 8], ['sierpnia', 8], ['wrzesień', 9], ['września', 9], ['październik', 10], ['października', 10],
      ['listopad', 11], ['listopada', 11], ['grudzień', 12], ['grudnia', 12],
      // Swedish, Danish, Norwegian
      ['januari', 1], ['februari', 2], ['mars', 3], ['maj', 5], ['juni', 6], ['juli', 7], ['augusti', 8],
      ['oktober', 10], ['desember', 12],
      // Hungarian
      ['január', 1], ['február', 2], ['március', 3], ['április', 4], ['május', 5], ['június', 6], ['július', 7],
      ['augusztus', 8], ['szeptember', 9], ['október', 10],
      // Turkish
      ['ocak', 1], ['şubat', 2], ['mart', 3], ['nisan', 4], ['mayıs', 5], ['haziran', 6], ['temmuz', 7],
      ['ağustos', 8], ['eylül', 9], ['ekim', 10], ['kasım', 11], ['aralık', 12],
    ] as const
  ).map(([name, month]) => [name, month] as [string, number]),
);

/** Regex alternation of every month name, longest first so `sept` wins over `sep`. */
export const MONTH_PATTERN = [...MONTHS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
