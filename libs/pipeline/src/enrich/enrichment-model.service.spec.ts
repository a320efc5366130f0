import { loadConfig } from '@copydesk/config';
import {
  ENRICHER_VERSION,
  MEDIA_TOPICS_SCHEME_VERSION,
  defaultTopicModel,
  enrichArticle,
  saveTopicModel,
  trainTopicModel,
} from '@copydesk/enrichment';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { EnrichmentModel } from './enrichment-model.service';
import type { TrainingExampleLine } from './training-data.service';

const HEALTH = 'medtop:07000000';
const WEATHER = 'medtop:17000000';
const EDUCATION = 'medtop:05000000';

// What GET /v1/enrichment/training-data streams: a handful of articles whose topics editors confirmed.
const CONFIRMED: TrainingExampleLine[] = [
  ['Doctors warn as flu spreads through hospital wards', HEALTH],
  ['Patients wait hours for treatment at the clinic as nurses strike', HEALTH],
  ['New vaccine cuts infections among care home residents', HEALTH],
  ['Hospital admissions rise as virus outbreak grows', HEALTH],
  ['Heavy rain and strong winds forecast for the weekend', WEATHER],
  ['Temperatures fall below freezing with snow on the hills', WEATHER],
  ['Storm warning as gusts reach 80mph on the coast', WEATHER],
  ['Sunshine and showers expected with a risk of thunder', WEATHER],
  ['Pupils return to school as teachers prepare new curriculum', EDUCATION],
  ['University tuition fees rise for students next year', EDUCATION],
  ['Headteachers warn of classroom shortages in primary schools', EDUCATION],
  ['Exam results show students improving in maths', EDUCATION],
].map(([text, topic], i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, text: text, topics: [topic] }));

describe('EnrichmentModel (ENRICHMENT_TOPIC_MODEL)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-model-'));
    Logger.overrideLogger(false);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const boot = (env: NodeJS.ProcessEnv): EnrichmentModel => {
    const model = new EnrichmentModel(loadConfig(env));
    model.onModuleInit();
    return model;
  };

  it('uses the shipped model when the variable is unset', () => {
    const model = boot({});
    expect(model.topicModel).toBe(defaultTopicModel());
    expect(model.versions).toEqual({
      enricherVersion: ENRICHER_VERSION,
      schemeVersion: MEDIA_TOPICS_SCHEME_VERSION,
      topicModelVersion: 'bbc-news-2004-05-v1',
    });
  });

  it('round trip: trains on editor-confirmed examples, saves, loads at boot, and classifies with it', () => {
    const file = join(dir, 'newsroom.model.json');
    saveTopicModel(trainTopicModel(CONFIRMED, { minDocumentFrequency: 1, version: 'newsroom-test-1' }), file);

    const model = boot({ ENRICHMENT_TOPIC_MODEL: file });
    expect(model.versions.topicModelVersion).toBe('newsroom-test-1');
    expect(model.topicModel.classes).toEqual([EDUCATION, HEALTH, WEATHER]);
    expect(model.topicModel.inDomainLogit).toEqual(expect.any(Number));

    const enrich = (title: string, bodyText: string) => enrichArticle({ title, bodyText }, { topicModel: model.topicModel });
    const school = enrich(
      'Teachers and pupils back in the classroom',
      'The school reopened for pupils on Monday, and teachers said the new curriculum had gone down well with students.',
    );
    expect(school.topicModelVersion).toBe('newsroom-test-1');
    expect(school.topics[0].qcode).toBe(EDUCATION);
    expect(
      enrich('Snow and gusts expected', 'Forecasters warned of snow, strong winds and freezing temperatures on the hills.').topics[0].qcode,
    ).toBe(WEATHER);
    expect(
      enrich('Virus in the wards', 'Doctors and nurses treated patients as the virus outbreak filled hospital wards.').topics[0].qcode,
    ).toBe(HEALTH);
  });

  it('stops the worker at boot, naming the variable, when the file cannot be loaded', () => {
    expect(() => boot({ ENRICHMENT_TOPIC_MODEL: join(dir, 'missing.json') })).toThrow(
      /^ENRICHMENT_TOPIC_MODEL: cannot load .*missing\.json/,
    );
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ format: 'something-else' }));
    expect(() => boot({ ENRICHMENT_TOPIC_MODEL: wrong })).toThrow(/ENRICHMENT_TOPIC_MODEL: .*format something-else/);
  });
});
