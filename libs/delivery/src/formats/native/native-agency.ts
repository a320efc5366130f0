import type { PublishingAgency } from '../../article-for-publishing.types';

/**
 * WIRE CONTRACT: the `agency` key of native article JSON: the agency's record of a wire item as it sent it, or null
 * for other copy. Every key is always present (null or empty when the agency did not say).
 */
export type NativeAgencyJson = PublishingAgency & {
  subjects: Array<PublishingAgency['subjects'][number] & { mediaTopicUri: string | null }>;
};

const MEDIA_TOPIC_BASE = 'http://cv.iptc.org/newscodes/mediatopic/';

export function nativeAgency(agency: PublishingAgency | null | undefined): NativeAgencyJson | null {
  if (!agency) return null;
  return {
    ...agency,
    subjects: agency.subjects.map((subject) => ({
      ...subject,
      mediaTopicUri: subject.mediaTopic ? `${MEDIA_TOPIC_BASE}${subject.mediaTopic.replace(/^medtop:/, '')}` : null,
    })),
  };
}
