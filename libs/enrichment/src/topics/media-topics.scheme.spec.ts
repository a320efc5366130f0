import { lexiconQcodes } from './topic.lexicon';
import {
  MEDIA_TOPICS_SCHEME_VERSION,
  mediaTopic,
  mediaTopicAncestors,
  mediaTopicChildren,
  mediaTopicTopLevel,
  mediaTopics,
  normaliseQcode,
} from './media-topics.scheme';

describe('IPTC Media Topics scheme', () => {
  it('loads the shipped release with its version', () => {
    expect(MEDIA_TOPICS_SCHEME_VERSION).toBe('iptc-mediatopics-2023-10-24');
    expect(mediaTopics()).toHaveLength(1372);
    expect(mediaTopics().filter((t) => t.level === 1 && !t.retired)).toHaveLength(17);
  });

  it('gives ancestors from the top level down, with labels', () => {
    expect(mediaTopicAncestors('medtop:20000008')).toEqual([
      { qcode: 'medtop:01000000', label: 'arts, culture, entertainment and media' },
      { qcode: 'medtop:20000002', label: 'arts and entertainment' },
      { qcode: 'medtop:20000007', label: 'dance' },
    ]);
    expect(mediaTopicAncestors('medtop:15000000')).toEqual([]);
    expect(mediaTopicAncestors('medtop:99999999')).toEqual([]);
    expect(mediaTopicTopLevel('medtop:20001065')).toEqual({ qcode: 'medtop:15000000', label: 'sport' });
  });

  it('accepts bare codes and IPTC URIs', () => {
    expect(normaliseQcode('04000000')).toBe('medtop:04000000');
    expect(normaliseQcode('http://cv.iptc.org/newscodes/mediatopic/20000822')).toBe('medtop:20000822');
    expect(mediaTopic('17000000')?.label).toBe('weather');
  });

  it('lists active children only', () => {
    const children = mediaTopicChildren('medtop:17000000').map((t) => t.label);
    expect(children).toEqual(expect.arrayContaining(['weather forecast', 'weather warning']));
    expect(mediaTopicChildren('medtop:17000000').every((t) => !t.retired)).toBe(true);
  });

  it('has every qcode of the topic lexicon, active', () => {
    const unknown = lexiconQcodes().filter((q) => !mediaTopic(q) || mediaTopic(q)?.retired);
    expect(unknown).toEqual([]);
  });
});
