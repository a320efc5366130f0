import { enrichArticle } from '../article.enricher';
import { WIRE_ARTICLE } from '../fixtures/wire.fixture';
import { applyEditorialCorrections, checkEditorTopics, editorTopics, machineEnrichment } from './editorial-corrections';

const machine = enrichArticle(WIRE_ARTICLE);
const by = { correctedBy: '5d7c1f0e-0000-4000-8000-000000000001', correctedAt: '2026-11-28T10:00:00.000Z' };

describe('editorial corrections', () => {
  it('accepts active Media Topics in any of their spellings, normalised, de-duplicated, in order', () => {
    expect(
      checkEditorTopics(['medtop:17000000', '03000000', 'http://cv.iptc.org/newscodes/mediatopic/20000151', 'medtop:17000000']),
    ).toEqual({
      qcodes: ['medtop:17000000', 'medtop:03000000', 'medtop:20000151'],
      rejected: [],
    });
  });

  it('refuses what is not a qcode, is unknown to the scheme, or is retired, naming each by index', () => {
    const { rejected } = checkEditorTopics(['weather', 'medtop:99999999', 'medtop:17000000', 'abc12345678', 'medtop:20000030']);
    expect(rejected.map((r) => [r.index, r.reason])).toEqual([
      [0, 'is not a Media Topic qcode (medtop:NNNNNNNN)'],
      [1, 'is not an IPTC Media Topic of iptc-mediatopics-2023-10-24'],
      [3, 'is not a Media Topic qcode (medtop:NNNNNNNN)'],
      [4, 'is retired in iptc-mediatopics-2023-10-24'], // music theatre
    ]);
  });

  it('turns editor topics into topics with confidence 1, source editor and ancestors from the scheme', () => {
    expect(editorTopics(['medtop:20000151'])).toEqual([
      {
        qcode: 'medtop:20000151',
        label: 'natural disaster',
        confidence: 1,
        source: 'editor',
        ancestors: [
          { qcode: 'medtop:03000000', label: 'disaster, accident and emergency incident' },
          { qcode: 'medtop:20000148', label: 'disaster' },
        ],
      },
    ]);
  });

  it('replaces the machine topics with the editor’s and keeps the machine’s in the record', () => {
    const edited = applyEditorialCorrections(machine, { topics: { ...by, qcodes: ['medtop:06000000', 'medtop:20000151'] } });
    expect(edited.topics.map((t) => [t.qcode, t.source, t.confidence])).toEqual([
      ['medtop:06000000', 'editor', 1],
      ['medtop:20000151', 'editor', 1],
    ]);
    expect(edited.editorial?.topics).toEqual({ ...by, machineTopics: machine.topics });
    expect(edited.entities).toEqual(machine.entities);
    expect(edited.enricherVersion).toBe(machine.enricherVersion);
  });

  it('replaces only the entity kinds the editor gave, counting names the machine missed', () => {
    const text = `${WIRE_ARTICLE.title}\n${WIRE_ARTICLE.bodyText}`;
    const edited = applyEditorialCorrections(
      machine,
      { entities: { ...by, entities: { people: ['Giulia Ferraro', 'Anna Conti', ' giulia  ferraro '], places: [] } } },
      text,
    );
    expect(edited.entities.people).toEqual([
      {
        name: 'Giulia Ferraro',
        count: machine.entities.people.find((p) => p.name === 'Giulia Ferraro')?.count,
        salience: 1,
        source: 'editor',
      },
      { name: 'Anna Conti', count: 0, salience: 1, source: 'editor' },
    ]);
    expect(edited.entities.places).toEqual([]);
    expect(edited.entities.organisations).toEqual(machine.entities.organisations);
    expect(edited.editorial?.entities?.kinds).toEqual(['people', 'places']);
    const counted = applyEditorialCorrections(machine, { entities: { ...by, entities: { places: ['Faenza'] } } }, text);
    expect(counted.entities.places[0].count).toBeGreaterThanOrEqual(2);
  });

  it('recovers the machine’s enrichment from an edited one, so corrections can be re-applied without loss', () => {
    const first = applyEditorialCorrections(machine, {
      topics: { ...by, qcodes: ['medtop:06000000'] },
      entities: { ...by, entities: { people: ['Anna Conti'] } },
    });
    // Stored as JSON, read back, then a later correction of places only: people stay the editor's, topics too.
    const stored = JSON.parse(JSON.stringify(first)) as typeof first;
    expect(machineEnrichment(stored)).toEqual(JSON.parse(JSON.stringify(machine)));
    const again = applyEditorialCorrections(machineEnrichment(stored), {
      topics: { ...by, qcodes: ['medtop:06000000'] },
      entities: { ...by, entities: { places: ['Bologna'] } },
    });
    expect(again.entities.people).toEqual(machine.entities.people);
    expect(again.entities.places.map((p) => p.name)).toEqual(['Bologna']);
    expect(again.topics.map((t) => t.qcode)).toEqual(['medtop:06000000']);
  });

  it('leaves an enrichment without corrections as it is', () => {
    expect(applyEditorialCorrections(machine, {})).toBe(machine);
    expect(machineEnrichment(machine)).toEqual(machine);
  });
});
