import { NEUTRAL_CONTENT_TYPE_CUES } from '../../content-type/content-type.classifier';
import type { QuoteRules } from '../../quotes/quote.rules';
import { extractEntitiesByEvidence, type NameEvidence } from '../name-evidence.extractor';
import type { LanguagePack } from '../language-pack';

const NONE: ReadonlySet<string> = new Set();

const EVIDENCE: NameEvidence = {
  stopwords: NONE,
  titles: NONE,
  organisationHeads: [],
  genericHeads: NONE,
  // Legal forms are written the same way in many languages.
  legalForms: /^(?:GmbH|AG|SA|S\.A\.|SpA|S\.p\.A\.|SL|S\.L\.|SARL|SAS|NV|N\.V\.|BV|B\.V\.|AB|ASA|Oy|Ltd\.?|Inc\.?|LLC|plc)$/,
  clubPrefixes: NONE,
  givenNames: NONE,
  exonyms: NONE,
  particles: ['de', 'da', 'del', 'di', 'van', 'von', 'le', 'la'],
  headJoiners: [],
  months: NONE,
  placeHeads: NONE,
};

/**
 * A language without resources. No speech verb is known, so a quote is kept only when a named person stands right
 * after it («…», a déclaré le ministre Jean Dupont → the attribution clause names one person) and is otherwise
 * dropped rather than reported without a speaker.
 */
const QUOTES: QuoteRules = {
  marks: { '“': '”"', '"': '"', '«': '»"', '„': '“”"', '»': '«"' },
  verbs: '(?!)',
  speechWords: '(?!)',
  personPronouns: '(?!)',
  organisationPronouns: '(?!)',
  otherPronouns: '(?!)',
  determiners: '(?!)',
  trailingAdverbs: '(?!)',
  notAQuoteBefore: '(?!)',
  notASubjectStart: '(?!)',
  conjunctions: '(?!)',
  personRoles: '(?!)',
  definite: '(?!)',
  indefinite: '(?!)',
  stopwords: NONE,
  keepUnattributed: false,
};

/** The language-neutral pack: places from the gazetteers, people after known given names, acronyms, no topics. */
export const NEUTRAL: LanguagePack = {
  // 2: acronyms are places only as countries, not as small subdivisions of the same letters ("IG").
  version: '2',
  code: 'und',
  entities: (text, sentences, title) => extractEntitiesByEvidence(text, sentences, title, EVIDENCE),
  quoteRules: QUOTES,
  contentTypeCues: NEUTRAL_CONTENT_TYPE_CUES,
  stopwords: NONE,
};
