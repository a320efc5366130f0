/**
 * Month and weekday names of the languages newsroom copy arrives in (English, German, French, Spanish,
 * Italian, Portuguese, Dutch), lower case, without the abbreviation dot. One table for every date reader.
 */

// prettier-ignore
const MONTH_WORDS: readonly (readonly string[])[] = [
  // 1: January
  ['january', 'jan', 'januar', 'jänner', 'jän', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro', 'januari'],
  ['february', 'feb', 'februar', 'feber', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev', 'febrero', 'febbraio', 'fevereiro', 'februari'],
  ['march', 'mar', 'märz', 'maerz', 'mär', 'mrz', 'mars', 'marzo', 'março', 'marco', 'maart', 'mrt'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio', 'mei'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro'],
];

// prettier-ignore
const WEEKDAY_WORDS: readonly (readonly string[])[] = [
  // 0: Sunday
  ['sunday', 'sun', 'sonntag', 'so', 'dimanche', 'dim', 'domingo', 'dom', 'domenica', 'zondag', 'zo'],
  ['monday', 'mon', 'montag', 'mo', 'lundi', 'lun', 'lunes', 'lunedì', 'lunedi', 'segunda-feira', 'segunda', 'seg', 'maandag', 'ma'],
  ['tuesday', 'tue', 'tues', 'dienstag', 'di', 'mardi', 'mar', 'martes', 'martedì', 'martedi', 'terça-feira', 'terça', 'ter', 'dinsdag'],
  ['wednesday', 'wed', 'mittwoch', 'mi', 'mercredi', 'mer', 'miércoles', 'miercoles', 'mié', 'mie', 'mercoledì', 'mercoledi', 'quarta-feira', 'quarta', 'qua', 'woensdag', 'wo'],
  ['thursday', 'thu', 'thur', 'thurs', 'donnerstag', 'do', 'jeudi', 'jeu', 'jueves', 'jue', 'giovedì', 'giovedi', 'gio', 'quinta-feira', 'quinta', 'qui', 'donderdag'],
  ['friday', 'fri', 'freitag', 'fr', 'vendredi', 'ven', 'viernes', 'vie', 'venerdì', 'venerdi', 'sexta-feira', 'sexta', 'sex', 'vrijdag', 'vr'],
  ['saturday', 'sat', 'samstag', 'sonnabend', 'sa', 'samedi', 'sam', 'sábado', 'sabado', 'sáb', 'sab', 'zaterdag', 'za'],
];

function table(rows: readonly (readonly string[])[], first: number): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  rows.forEach((names, i) => names.forEach((name) => map.set(name, i + first)));
  return map;
}

/** Month name or abbreviation (lower case, no dot) → 1–12. */
export const MONTH_NAMES: ReadonlyMap<string, number> = table(MONTH_WORDS, 1);

/** Weekday name or abbreviation (lower case, no dot) → 0 (Sunday) – 6. */
export const WEEKDAY_NAMES: ReadonlyMap<string, number> = table(WEEKDAY_WORDS, 0);
