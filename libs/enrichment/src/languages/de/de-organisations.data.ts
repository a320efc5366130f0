/*
 * Organisations German copy names without a head word or legal form that would tell them apart: parties,
 * broadcasters and news agencies, large companies of Germany, Austria and Switzerland, sports clubs' own names, aid
 * organisations. Written for Copydesk from general knowledge (not from any article set), by family. Inflected forms
 * ("der Deutschen Bahn", "der Grünen", "des Roten Kreuzes") are generated below. Left out: names that are
 * everyday words too ("Bayer", "Puma", "Volt", "Spiegel", "Stern").
 */

const PARTIES = ['Grüne', 'Linke', 'Freie Wähler', 'Piratenpartei', 'ÖVP', 'FPÖ', 'NEOS', 'SVP', 'FDP.Die Liberalen'];
const MEDIA = [
  'Tagesschau',
  'Deutschlandfunk',
  'Bayerischer Rundfunk',
  'ARD',
  'ZDF',
  'ORF',
  'SRF',
  'RTL',
  'Süddeutsche Zeitung',
  'Frankfurter Allgemeine',
  'Bild-Zeitung',
  'Handelsblatt',
  'Tagesspiegel',
  'Neue Zürcher Zeitung',
];
const COMPANIES = [
  'Deutsche Bahn',
  'Deutsche Bank',
  'Deutsche Telekom',
  'Deutsche Post',
  'Lufthansa',
  'Volkswagen',
  'Mercedes-Benz',
  'Daimler',
  'Porsche',
  'Audi',
  'Siemens',
  'Bosch',
  'Allianz',
  'Commerzbank',
  'Sparkasse',
  'Volksbank',
  'BASF',
  'Henkel',
  'Adidas',
  'Zalando',
  'Aldi',
  'Lidl',
  'Rewe',
  'Edeka',
  'Thyssenkrupp',
  'Continental',
  'Infineon',
  'Vonovia',
  'Eon',
  'RWE',
  'EnBW',
  'Vattenfall',
  'Uniper',
  'Nestlé',
  'Novartis',
  'Roche',
  'Swisscom',
  'UBS',
  'Raiffeisen',
  'Red Bull',
  'Amazon',
  'Apple',
  'Microsoft',
  'Facebook',
  'Instagram',
  'Tiktok',
  'Netflix',
  'Spotify',
  'Tesla',
];
const CLUBS = [
  'Borussia Dortmund',
  'Borussia Mönchengladbach',
  'Eintracht Frankfurt',
  'Hertha BSC',
  'Union Berlin',
  'Werder Bremen',
  'Schalke 04',
];
const AID = [
  'Rotes Kreuz',
  'Deutsches Rotes Kreuz',
  'Ärzte ohne Grenzen',
  'Caritas',
  'Diakonie',
  'Unicef',
  'Vereinte Nationen',
  'Weltgesundheitsorganisation',
];

// "Deutsche Bahn" → "deutschen bahn"; "Rotes Kreuz" → "roten kreuz", "roten kreuzes"; "Grüne" → "grünen".
function forms(name: string): string[] {
  const words = name.toLowerCase().split(' ');
  const firsts = [words[0]];
  if (/e$/.test(words[0])) firsts.push(`${words[0]}n`);
  if (/(?:er|es)$/.test(words[0]) && words.length > 1) firsts.push(`${words[0].slice(0, -2)}en`, `${words[0].slice(0, -1)}`);
  if (words.length === 1) return firsts;
  const lasts = [words[words.length - 1], `${words[words.length - 1]}s`, `${words[words.length - 1]}es`];
  const middle = words.slice(1, -1).join(' ');
  return firsts.flatMap((f) => lasts.map((l) => [f, middle, l].filter(Boolean).join(' ')));
}

/** Lower-case form → name as reported. Only names of one or two words are looked up. */
export const DE_ORGANISATION_NAMES: ReadonlyMap<string, string> = new Map(
  [...PARTIES, ...MEDIA, ...COMPANIES, ...CLUBS, ...AID]
    .filter((name) => name.split(' ').length <= 2)
    .flatMap((name) => forms(name).map((form): [string, string] => [form, name])),
);
