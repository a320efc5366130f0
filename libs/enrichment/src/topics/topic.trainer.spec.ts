import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTopicModel, predictTopics, saveTopicModel } from './topic.model';
import { isHeldOutExample, trainTopicModel, type TopicExample } from './topic.trainer';

const SPORT = 'medtop:15000000';
const HEALTH = 'medtop:07000000';
const WEATHER = 'medtop:17000000';

// Small invented examples: enough for the trainer to separate three newsroom topics.
function examples(): TopicExample[] {
  const sport = [
    'The striker scored twice as the club won the league match',
    'The coach praised the team after the cup final victory',
    'The goalkeeper saved a penalty in the semi-final',
    'Fans cheered as the captain lifted the trophy at the stadium',
  ];
  const health = [
    'Doctors warned that the virus is spreading in hospitals',
    'Patients waited hours for treatment at the clinic',
    'The vaccine cut infections among nurses and doctors',
    'Hospital admissions rose as the flu outbreak spread',
  ];
  const weather = [
    'Heavy rain and strong winds are forecast for the weekend',
    'Temperatures will fall below freezing with snow on hills',
    'Forecasters issued a storm warning as gusts reached 80mph',
    'Sunshine and showers are expected with a risk of thunder',
  ];
  return [
    ...sport.map((text, i) => ({ id: `s${i}`, text, topics: [SPORT] })),
    ...health.map((text, i) => ({ id: `h${i}`, text, topics: [HEALTH] })),
    ...weather.map((text, i) => ({ id: `w${i}`, text, topics: [WEATHER] })),
  ];
}

describe('trainTopicModel', () => {
  it('learns a newsroom’s own topics from editor-confirmed examples', () => {
    const model = trainTopicModel(examples(), { minDocumentFrequency: 1, version: 'newsroom-test' });
    expect(model.classes).toEqual([HEALTH, SPORT, WEATHER]);
    expect(model.version).toBe('newsroom-test');
    expect(predictTopics(model, 'The team won the match with a late goal')[0].qcode).toBe(SPORT);
    expect(predictTopics(model, 'Nurses treated patients for the virus')[0].qcode).toBe(HEALTH);
    expect(predictTopics(model, 'Snow and strong winds expected as the storm arrives')[0].qcode).toBe(WEATHER);
    const probabilities = predictTopics(model, 'rain at the match').map((p) => p.probability);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('is deterministic and survives a save/load round trip', () => {
    const now = (): Date => new Date('2026-01-01T00:00:00Z');
    const a = trainTopicModel(examples(), { minDocumentFrequency: 1, now });
    const b = trainTopicModel(examples(), { minDocumentFrequency: 1, now });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const dir = mkdtempSync(join(tmpdir(), 'topic-model-'));
    try {
      saveTopicModel(a, join(dir, 'm.json'));
      const loaded = loadTopicModel(join(dir, 'm.json'));
      expect(predictTopics(loaded, 'the coach and the club')).toEqual(predictTopics(a, 'the coach and the club'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('spreads an example with several topics over all of them', () => {
    const both = Array.from({ length: 4 }, (_, i) => ({
      id: `b${i}`,
      text: `Storm stops the match and fans wait in the rain ${i}`,
      topics: [SPORT, WEATHER],
    }));
    const model = trainTopicModel([...examples(), ...both], { minDocumentFrequency: 1 });
    const [first, second] = predictTopics(model, 'Storm stops the match and fans wait in the rain');
    expect([first.qcode, second.qcode].sort()).toEqual([SPORT, WEATHER]);
  });

  it('refuses unknown qcodes and examples without topics', () => {
    expect(() => trainTopicModel([...examples(), { id: 'x', text: 'x', topics: ['medtop:99999999'] }])).toThrow(/unknown topic/);
    expect(() => trainTopicModel([...examples(), { id: 'y', text: 'y', topics: [] }])).toThrow(/no topics/);
    expect(() => trainTopicModel(examples().filter((e) => e.topics[0] === SPORT))).toThrow(/two topics/);
  });

  it('holds out a stable fifth of examples by id', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `bbc/x/${i}.txt`);
    const held = ids.filter((id) => isHeldOutExample(id));
    expect(held.length / ids.length).toBeGreaterThan(0.17);
    expect(held.length / ids.length).toBeLessThan(0.23);
    expect(ids.filter((id) => isHeldOutExample(id))).toEqual(held);
  });
});
