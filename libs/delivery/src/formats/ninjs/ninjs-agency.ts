import type { PublishingAgency } from '../../article-for-publishing.types';
import type { NinjsDocument } from '../../ninjs.types';

const MEDIA_TOPIC_BASE = 'http://cv.iptc.org/newscodes/mediatopic/';

/** The ninjs 3.1 properties the agency's record fills, beyond those `toNinjs` writes. */
export type NinjsWithAgency = NinjsDocument & {
  urgency?: number;
  copyrightHolder?: string;
  copyrightNotice?: string;
  usageTerms?: string;
  located?: string;
};

const isUri = (value: string | null): value is string => value !== null && URL.canParse(value);

/**
 * Adds the agency's record to a ninjs document: urgency, rights and usage terms, genres, the agency's subjects as the
 * IPTC Media Topics they are or map to (`rel: about`, after enrichment's, without repeats), the place the story is
 * located, and the agency's guid and version as `altIds`. A kill notice keeps only the ids, rights and urgency.
 * Only properties of the ninjs 3.1 schema are used: the document still passes the shipped schema check.
 */
export function withAgency(doc: NinjsDocument, agency: PublishingAgency | null | undefined, killed: boolean): NinjsWithAgency {
  if (!agency) return doc;
  const out: NinjsWithAgency = { ...doc };
  if (agency.urgency !== null && agency.urgency >= 1 && agency.urgency <= 9) out.urgency = Math.round(agency.urgency);
  if (agency.rights.copyrightHolder) out.copyrightHolder = agency.rights.copyrightHolder;
  if (agency.rights.copyrightNotice) out.copyrightNotice = agency.rights.copyrightNotice;
  if (agency.rights.usageTerms) out.usageTerms = agency.rights.usageTerms;
  const ids = [
    ...(agency.guid ? [{ role: 'agency-guid', value: agency.guid }] : []),
    ...(agency.version !== null ? [{ role: 'agency-version', value: String(agency.version) }] : []),
  ];
  if (ids.length) out.altIds = [...(doc.altIds ?? []), ...ids];
  if (killed) return out;
  const genres = agency.genres.flatMap((genre) =>
    genre.name || genre.qcode || genre.uri
      ? [
          {
            ...(genre.name ? { name: genre.name } : {}),
            ...(isUri(genre.uri) ? { uri: genre.uri } : {}),
            ...(genre.qcode ? { literal: genre.qcode } : {}),
          },
        ]
      : [],
  );
  if (genres.length) out.genres = [...(doc.genres ?? []), ...genres];
  const known = new Set((doc.subjects ?? []).map((subject) => subject.uri));
  const topics = agency.mediaTopics
    .map((qcode) => ({ qcode, uri: `${MEDIA_TOPIC_BASE}${qcode.replace(/^medtop:/, '')}` }))
    .filter((topic) => !known.has(topic.uri) && known.add(topic.uri))
    .map((topic) => ({
      name: agency.subjects.find((subject) => subject.mediaTopic === topic.qcode)?.name ?? topic.qcode,
      uri: topic.uri,
      literal: topic.qcode,
      rel: 'about',
    }));
  if (topics.length) out.subjects = [...(doc.subjects ?? []), ...topics];
  const place = agency.located?.name ?? null;
  if (place) out.located = place;
  return out;
}
