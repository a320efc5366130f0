import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iptcSubjectCode, mediaTopicOf } from './iptc-code.resolver';
import { SUBJECT_CODE_MEDIA_TOPICS, SUBJECT_CODE_SCHEME_SOURCE } from './subject-code-media-topics.data';
import { deriveSubjectCodeMapping, type MediaTopicConcept } from './subject-mapping.deriver';

describe('Subject Code → Media Topic mapping', () => {
  // The scheme Copydesk ships for enrichment, in this repository.
  const scheme = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'enrichment', 'iptc', SUBJECT_CODE_SCHEME_SOURCE), 'utf8'),
  ) as MediaTopicConcept[];
  const retired = new Set(scheme.filter((c) => c.retired).map((c) => c.qcode));

  it('the shipped table is what the derivation gives from the shipped scheme', () => {
    expect(SUBJECT_CODE_MEDIA_TOPICS).toEqual(deriveSubjectCodeMapping(scheme));
    expect(Object.keys(SUBJECT_CODE_MEDIA_TOPICS)).toHaveLength(878);
  });

  it('never maps to a retired topic; retired ones go to their nearest active broader topic', () => {
    const targets = Object.values(SUBJECT_CODE_MEDIA_TOPICS).map(([topic]) => topic);
    expect(targets.filter((t) => retired.has(t))).toEqual([]);
    expect(SUBJECT_CODE_MEDIA_TOPICS['02009001']).toEqual(['medtop:20000111', 'broader']); // defendant → trial (court)
    expect(SUBJECT_CODE_MEDIA_TOPICS['15007000']).toEqual(['medtop:20000849', 'exact']); // baseball
    // IPTC maps "oil and gas" to an active and a retired topic: the active one.
    expect(SUBJECT_CODE_MEDIA_TOPICS['04005004']).toEqual(['medtop:20001243', 'exact']);
  });

  it('codes IPTC does not map take their nearest broader code', () => {
    expect(mediaTopicOf('subj:15007999')).toEqual({ mediaTopic: 'medtop:20000849', match: 'broader' });
    expect(mediaTopicOf('subj:15999999')).toEqual({ mediaTopic: 'medtop:15000000', match: 'broader' });
    expect(mediaTopicOf('subj:99000000')).toBeNull();
    expect(mediaTopicOf('medtop:20000849')).toEqual({ mediaTopic: 'medtop:20000849', match: 'same' });
  });

  it('reads IPTC codes from QCodes, URIs and declared aliases, and nothing else', () => {
    expect(iptcSubjectCode('subj:15007000')).toBe('subj:15007000');
    expect(iptcSubjectCode('MEDTOP:20000849')).toBe('medtop:20000849');
    expect(iptcSubjectCode('https://cv.iptc.org/newscodes/mediatopic/20000849/')).toBe('medtop:20000849');
    expect(iptcSubjectCode('http://cv.iptc.org/newscodes/subjectcode/15007000')).toBe('subj:15007000');
    expect(iptcSubjectCode('x:15007000', new Map([['x', 'http://cv.iptc.org/newscodes/subjectcode/']]))).toBe('subj:15007000');
    expect(iptcSubjectCode('league:15007000')).toBeNull();
    expect(iptcSubjectCode('subj:1500700')).toBeNull();
  });
});
