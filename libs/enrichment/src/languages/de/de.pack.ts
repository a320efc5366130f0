import type { ContentTypeCues } from '../../content-type/content-type.classifier';
import type { EntityAnalysis } from '../../entities/entity.extractor';
import type { QuoteRules } from '../../quotes/quote.rules';
import type { Sentence } from '../../text/text.tokenizer';
import { classifyTopicsByLexicon } from '../../topics/topic.classifier';
import type { LanguagePack } from '../language-pack';
import { extractEntitiesByEvidence, type NameEvidence } from '../name-evidence.extractor';
import { resolveDefinedAcronyms } from './de-acronyms';
import { namesInCompounds } from './de-compound-names';
import { germanOrganisationBase } from './de-inflection';
import { organisationsCitedAsSources } from './de-organisation-context';
import { namesListedWithOrganisations } from './de-name-lists';
import { joinPlaceNames } from './de-place-names';
import { dropNamesInWorkTitles } from './de-work-titles';
import { germanNouns } from './de-nouns.lexicon';
import { DE_ORGANISATION_NAMES } from './de-organisations.data';
import { DE_PLACE_NAMES } from './de-places.data';
import { DE_TOPIC_LEXICON } from './de-topic-lexicon.data';
import {
  DE_CLUB_PREFIXES,
  DE_COMMON_NOUN_ENDING,
  DE_COMMON_ACRONYMS,
  DE_COMPASS_PREFIX,
  DE_GENERIC_HEADS,
  DE_GIVEN_NAMES,
  DE_INSTITUTION_PREFIX,
  DE_JOINED_HEADS,
  DE_LEGAL_FORMS,
  DE_MONTHS,
  DE_ORGANISATION_HEADS,
  DE_ORGANISATION_KINDS,
  DE_PLACE_HEADS,
  DE_PLACE_HEAD_ENDING,
  DE_ROAD,
  DE_ROLE_ENDINGS,
  RoleWords,
  DE_SPEECH_VERBS,
  DE_STOPWORDS,
  DE_TITLES,
  DE_WEAK_HEADS,
} from './de.resources';

// Roles, also as compounds: "Vereinschef Holger Brinkmann", "sagte der CSU-Chef".
const ROLES = new RoleWords(DE_TITLES, DE_ROLE_ENDINGS);

const EVIDENCE: NameEvidence = {
  stopwords: DE_STOPWORDS,
  titles: ROLES,
  organisationHeads: DE_ORGANISATION_HEADS,
  genericHeads: DE_GENERIC_HEADS,
  weakHeads: DE_WEAK_HEADS,
  institutionPrefix: DE_INSTITUTION_PREFIX,
  legalForms: DE_LEGAL_FORMS,
  clubPrefixes: DE_CLUB_PREFIXES,
  givenNames: DE_GIVEN_NAMES,
  exonyms: DE_PLACE_NAMES,
  particles: ['von', 'van', 'de', 'zu', 'vom'],
  headJoiners: ['für', 'der', 'des'],
  joinedHeads: DE_JOINED_HEADS,
  months: DE_MONTHS,
  placeHeads: DE_PLACE_HEADS,
  placeHeadEnding: DE_PLACE_HEAD_ENDING,
  road: DE_ROAD,
  landscapeEnding: /^((\p{Lu}\p{Ll}{3,})(?:tal|see|gebirge|autobahn))(?:e?s)?$/u,
  hyphenatedPlace: /^(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+-(?:Kreis|Land))(?:es|s)?$/u,
  compassPrefix: DE_COMPASS_PREFIX,
  organisationKinds: DE_ORGANISATION_KINDS,
  commonNounEnding: DE_COMMON_NOUN_ENDING,
  abstractNounEnding: /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|ismus)$/u,
  // Lower case only: "Die Rose" opening a sentence may be a title; "der Art" inside one is the noun.
  articles: new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'eines', 'einem', 'einen']),
  commonNouns: germanNouns,
  localCountries: ['DE', 'AT', 'CH', 'LI', 'LU'],
  placePrepositions: new Set(['in', 'nach', 'aus', 'bei', 'von', 'bis', 'über', 'zwischen', 'ab', 'gen']),
  nounForms: () => germanNouns().obliqueSingular,
  organisationBase: germanOrganisationBase,
  organisationNames: DE_ORGANISATION_NAMES,
  commonAcronyms: DE_COMMON_ACRONYMS,
};

const QUOTES: QuoteRules = {
  // „…“ (and „…” ), »…«, «…» (Swiss), "…", ‚…‘
  marks: { '„': '“”"', '»': '«"', '«': '»"', '"': '"', '“': '”"', '‚': '‘' },
  verbs: DE_SPEECH_VERBS,
  speechWords: 'nennt|nannte|bezeichnet|bezeichnete|spricht|sprach',
  personPronouns: 'er|sie',
  organisationPronouns: 'es',
  otherPronouns: 'wir|ich|man',
  determiners: 'der|die|das|den|dem|des|ein|eine|einer|und|aber',
  // Separable particles end the clause after the subject: "teilte der Verband mit", "fügte sie hinzu".
  trailingAdverbs: 'auch|noch|dann|später|zuvor|weiter|bereits|dazu|damals|heute|mit|hinzu|an|fest|klar|ein|zu|hervor|bekannt',
  notAQuoteBefore: 'Motto|Titel|Slogan|sogenannte|sogenannten|Begriff|Stichwort|genannt|heißt|Name',
  // "Antikriegsfilme „…“", "des Romans „…“", "Klassiker wie „…“", "die Folge „…“".
  workNouns:
    'film|filme|films|filmen|roman|romane|romans|buch|buches|buchs|bücher|album|albums|alben|lied|liedes|lieder|song|songs|single|hit|hits|serie|serien|folge|folgen|episode|klassiker|stück|stücks|stückes|oper|musical|werk|werke|werks|gedicht|gedichts|bestseller|sendung|show|podcast|ausstellung|doku|dokumentation|theaterstück|hörspiel|spiel|spiels|game|titel|titels',
  workJoiners: 'wie|namens|mit dem Titel',
  notASubjectStart:
    'in|im|an|am|auf|bei|nach|als|wenn|während|mit|für|von|vom|zum|zur|dass|wie|wird|werden|wurde|wurden|ist|sind|war|waren|hat|haben|hatte',
  conjunctions: 'und|aber|als|wenn|dass|weil|während|wie',
  subjectEnds: 'in|im|am|an|auf|bei|beim|gegenüber|zu|zur|zum|nach|vor|mit|während|über|seit|laut|bereits|schon|dazu|weiter',
  sourcePrepositions: 'aus|von|vom|seitens',
  personRoles: `${[...DE_TITLES].join('|')}|[\\p{L}-]{3,}(?:${DE_ROLE_ENDINGS.join('|')})`,
  definite: 'der|die|das',
  indefinite: 'ein|eine|einer',
  stopwords: DE_STOPWORDS,
};

// A release wire's credit in the dateline ("Berlin (ots) –", "Wien (OTS) -", "Hamburg (pts023/…)"): the distributor
// (news aktuell's ots, APA-OTS, pressetext, the release portals) carries what the sender wrote, so the text is a
// press release, not an agency's report. Keep in step with the negative lookahead of `newsEvidence.dateline`.
const RELEASE_WIRE_DATELINE =
  /^\s*[^\n(]{0,60}\((?:ots|OTS|APA-OTS|pts\d*|PresseBox|pressebox|lifePR|openPR|PR-Gateway|firmenpresse|pressetext)\b[^)\n]{0,30}\)/gu;

const CONTENT_TYPE: ContentTypeCues = {
  english: false,
  paths: [
    [/\/(?:pressemitteilungen?|presse|pressemeldungen?|medienmitteilungen?|newsroom)(?:\/|$)/i, 'press-release', 3],
    [/\/(?:meinung|kommentare?|kolumnen?|standpunkt|gastbeitrag)(?:\/|$)/i, 'opinion', 3],
    [/\/(?:interviews?)(?:\/|$)|-interview(?:\/|$|-)/i, 'interview', 2.5],
    [/\/(?:ratgeber|tipps|service|wissen|rezepte?|anleitung|reise|freizeit|touren?|lernen)(?:\/|$)|\/blog\//i, 'other', 2],
    [/\/(?:analyse|hintergrund)(?:\/|$)/i, 'analysis', 2.5],
    [/\/(?:nachrufe?|traueranzeigen)(?:\/|$)/i, 'obituary', 3.5],
    [/\/(?:rezensionen?|kritiken?|filmkritiken?|buchkritiken?|testberichte?|im-test)(?:\/|$)/i, 'review', 2.5],
    [/\/(?:leitartikel|gastkommentare?|essays?)(?:\/|$)/i, 'opinion', 2.5],
  ],
  markers: [
    [
      /\b(?:Pressekontakt|Pressemitteilung|Medienkontakt|Über die [A-ZÄÖÜ]|Über den [A-ZÄÖÜ]|Über uns|Ansprechpartner(?:in)?:)/g,
      'press-release',
      2,
      'press-release markers (Pressekontakt, "Über …")',
    ],
    [RELEASE_WIRE_DATELINE, 'press-release', 3, 'a release wire in the dateline'],
    // The sender's own boilerplate: a heading "Über Nordwind Logistik" and the press office's address.
    [
      /^Über \p{Lu}[^\n.!?]{1,60}$|(?<![\p{L}\p{N}.-])(?:presse|press|medien|media|kommunikation|pr)@[\p{L}\p{N}-]+\.[\p{L}\p{N}.-]+/gmu,
      'press-release',
      1.5,
      'the sender\'s boilerplate (a heading "Über …", a press office\'s address)',
    ],
    [/^(?:Frage|F)\s*:|^(?:Antwort|A)\s*:/gm, 'interview', 1.5, 'question and answer labels'],
    // Who asked, named at the end or the start of a printed interview.
    [
      /(?<![\p{L}])(?:Das (?:Gespräch|Interview) führten?|Die Fragen stellten?)(?![\p{L}])/gu,
      'interview',
      2.5,
      'the interviewer named ("Das Gespräch führte")',
    ],
    [
      /\b(?:Tipps?|Schritt für Schritt|So geht|Anleitung|Zutaten|Tour|Etappe|Lektion)\b/g,
      'other',
      0.7,
      'guide markers (Tipp, Anleitung, Tour)',
    ],
    [/\b(?:meiner Meinung nach|ich finde|ich glaube|aus meiner Sicht|Kommentar)\b/gi, 'opinion', 1, 'opinion markers'],
    // Boilerplate a release ends with: whom to ask (a release named in a report is no sign: "in einer Medienmitteilung").
    [
      /(?<![\p{L}])(?:für (?:weitere )?(?:Rückfragen|Auskünfte)|Medienkontakt|Kontakt für Medienschaffende)(?![\p{L}])/giu,
      'press-release',
      1.6,
      'release boilerplate (Rückfragen, Medienkontakt)',
    ],
    // Reviews: a verdict, a rating in stars or points, the data line of a book or film.
    [
      /(?:^|\n)(?:Fazit|Unser Fazit|Pro|Contra|Kontra|Testurteil|Wertung|Regie|Darsteller)\s*:|★|\d(?:[.,]\d)?\s*(?:von|\/)\s*(?:5|10|fünf|zehn)\s*(?:Sternen|Punkten)|(?:Seiten|Minuten|Min\.),\s*\d+(?:[.,]\d+)?\s*(?:Euro|€)/gu,
      'review',
      1.2,
      'review markers (Fazit:, rating, data line)',
    ],
    // Question paragraphs addressing someone, each answered in the first person: the interview layout.
    [
      /^[^\n]{8,300}(?<![\p{L}])(?:Sie|Ihr|Ihre|Ihnen|du|dich|dir|dein\p{L}*|ihr|euch)(?![\p{L}])[^\n]*\?\s*\n(?=[^\n]*(?<![\p{L}])(?:[Ii]ch|[Ww]ir|[Mm]ein\p{L}*|[Uu]nser\p{L}*|[Mm]ir|[Mm]ich|[Uu]ns)(?![\p{L}]))/gmu,
      'interview',
      1.2,
      'questions to someone answered in the first person',
    ],
  ],
  titleMarkers: [
    [
      /(?:sollten|müssen|können|wollen) Sie wissen|Was Sie (?:wissen|beachten|tun)|Tipps?\b|Ratgeber|Anleitung|So geht|Schritt für Schritt|Checkliste|Horoskop|Rezept/u,
      'other',
      2,
      'a guide',
    ],
    [/^(?:Kommentar|Meinung|Standpunkt|Gastbeitrag|Kolumne)\s*[:|–-]|\bein Kommentar\b/iu, 'opinion', 2, 'marked as opinion'],
    [/^Interview\s*[:|–-]|\bim Interview\b|\bInterview mit\b|\bim Gespräch(?: mit)?\b/iu, 'interview', 2, 'marked as interview'],
    [
      /\bim Test\b|^(?:Test|Kritik|Rezension|Filmkritik|Buchkritik)\s*[:|–-]|\b(?:Rezension|Filmkritik|Buchkritik)\b/iu,
      'review',
      2,
      'marked as review',
    ],
    [/^(?:Analyse|Hintergrund)\s*[:|–-]/iu, 'analysis', 2, 'marked as analysis'],
    [/\b(?:Nachruf|Zum Tod von|Im Gedenken an)\b|\btrauert um\b/u, 'obituary', 2.5, 'marked as obituary'],
  ],
  explainer: {
    // "Coronavirus – Wie Umweltzerstörung Epidemien begünstigt"; "Wie Sie…", "Wie man…" open a guide.
    title: /(?:^|[–—:-]\s*)(?:Warum|Wieso|Weshalb|Wie)\s(?!(?:Sie|du|ihr|man|viel|lange|oft)\s)/u,
    headings:
      /^(?:(?:Warum|Wieso|Weshalb|Was bedeutet das|Was heißt das|Wie geht es weiter)(?![\p{L}])[^\n]*\?|(?:Hintergrund|Einordnung|Die Folgen)$)/u,
    hedges:
      /(?<![\p{L}])(?:womöglich|vermutlich|wahrscheinlich\p{L}*|möglicherweise|offenbar|dürften?|könnten?|voraussichtlich|Prognose\p{L}*)(?![\p{L}])/giu,
  },
  firstPerson: /\b(?:ich|mich|mir|mein|meine|meinen|meinem|meiner)\b/gi,
  // Lower case inside a sentence only: a capitalised "Unser"/"Wir" may open a heading or a slogan.
  firstPlural: /(?<![\p{L}])(?:wir|uns|unser|unsere|unserer|unseren|unserem|unseres)(?![\p{L}])/gu,
  inclusivePlural:
    /(?<![\p{L}])(?:[Ww]ir (?:müssen|sollten|brauchen|dürfen nicht|können es uns nicht)|(?:müssen|sollten|brauchen) wir)(?![\p{L}])/gu,
  // "du" in any case, and the polite "Sie"/"Ihnen" capitalised inside a sentence.
  secondPerson:
    /(?<![\p{L}])(?:[Dd]u|[Dd]ich|[Dd]ir|[Dd]ein|[Dd]eine|[Dd]einen|[Dd]einem|[Dd]einer|[Ee]uch|[Ee]uer|[Ee]ure)(?![\p{L}])|(?<=[\p{Ll},]\s)(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer)(?![\p{L}])/gu,
  newsEvidence: {
    // "Hamburg (dpa) –", "Bergisch Gladbach -", "Berlin. –": a place and a dash (or an agency) open the text; a
    // release wire's credit does not make one ("Berlin (ots) –").
    dateline:
      /^\s*(?![^\n(]{0,60}\((?:ots|OTS|APA-OTS|pts\d*|PresseBox|pressebox|lifePR|openPR|PR-Gateway|firmenpresse|pressetext)\b)(?:\p{Lu}[\p{L}.\- ]{1,40}?\s*(?:\/\s*\p{Lu}[\p{L}.\- ]{1,30})?(?:\s*\([^)\n]{1,30}\))?\s*[-–—]\s|[^\n]{0,60}\((?:dpa|AFP|APA|epd|KNA|dts|sda|SDA|Reuters|SID|AP|KNA|lno|lnw|lby|lsw|lhe|lni|lrs|lsa|lmv|lth|lbn)\b[^)]{0,20}\))/u,
    paths:
      /\/(?:aktuell|nachrichten|news|newsticker|meldungen?|politik|wirtschaft|panorama|region|regional|lokales|lokal|sport|inland|ausland)(?:\/|$)/i,
    eventTime:
      /(?<![\p{L}])(?:(?:am|vom|seit|bis|ab)\s+(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)|gestern|vergangene[nrs]?\s+(?:Woche|Monat|Jahr|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag))(?![\p{L}])/iu,
    reportedSpeech:
      /(?<![\p{L}])(?:sagte|sagten|erklärte|erklärten|betonte|kritisierte|forderte|berichtete|bestätigte|teilte|kündigte|warnte)(?![\p{L}])/giu,
  },
};

// The recogniser, then what German writing adds: acronyms beside their long form, places inside longer names,
// names inside hyphenated compounds, bodies cited as sources, names listed with organisations, and no names inside
// titles of works.
function germanEntities(text: string, sentences: Sentence[], title: string): EntityAnalysis {
  const found = extractEntitiesByEvidence(text, sentences, title, EVIDENCE);
  const named = organisationsCitedAsSources(namesInCompounds(joinPlaceNames(resolveDefinedAcronyms(found, text), text), text), text);
  return dropNamesInWorkTitles(namesListedWithOrganisations(named, text), text);
}

/** German: evidence-based names (titles, given names, organisation heads, legal forms), „…“ quotes, cue-word topics. */
export const GERMAN: LanguagePack = {
  // Bumped when German resources change output: part of ENRICHER_VERSION, so stored German enrichments re-run.
  version: '7',
  code: 'de',
  entities: (text, sentences, title) => germanEntities(text, sentences, title),
  quoteRules: QUOTES,
  topics: (text, options) => classifyTopicsByLexicon(text, DE_TOPIC_LEXICON, options.maxTopics),
  contentTypeCues: CONTENT_TYPE,
  stopwords: DE_STOPWORDS,
};
