import { TOPIC_ARTICLES, type TopicArticle } from '../fixtures/topic-articles.fixture';
import { mediaTopicTopLevel } from './media-topics.scheme';
import { classifyTopics, domainConfidence } from './topic.classifier';
import { defaultTopicModel, predictTopics, scoreFromFeatures } from './topic.model';
import { topicFeatures } from './topic.features';

const top = (text: string): string => classifyTopics(text)[0].qcode;
const qcodes = (text: string): string[] => classifyTopics(text).map((t) => t.qcode);

// Short invented articles outside the five classes the shipped model was trained on.
const CRIME =
  'Man charged with murder after stabbing in Leeds\n\nA 34-year-old man has been charged with murder after a woman was stabbed to death at a house in Leeds on Saturday night, police said. Officers found the victim with serious injuries. The suspect was arrested nearby and will appear before magistrates on Monday. Detectives appealed for witnesses.';
const HEALTH =
  'Measles cases rise as vaccination rates fall\n\nCases of measles have risen sharply this year, health officials warned, as the number of children receiving the MMR vaccine falls. Doctors said the disease was highly contagious. Hospitals have treated dozens of patients, and parents are urged to check vaccination records with their GP.';
const CONFLICT =
  'Ceasefire collapses as shelling resumes\n\nA fragile ceasefire collapsed on Tuesday as artillery shelling resumed along the front line, killing 12 civilians. Troops on both sides accused each other of breaking the truce. Rebel commanders said government forces launched an offensive, while the army said it was responding to drone strikes.';
const WEATHER =
  'Heatwave to bring hottest day of the year\n\nTemperatures will reach 34C in southern England on Thursday, forecasters said. The Met Office issued an amber warning. Sunshine will continue through the weekend before thunderstorms bring heavy showers and hail on Sunday. Temperatures will stay well above average.';
const FOOTBALL =
  'Late penalty sends United into cup final\n\nA stoppage-time penalty from the captain sent United into the cup final. The striker was brought down by the goalkeeper, and the referee pointed to the spot. The coach praised the players and the fans after the semi-final victory at the stadium.';

describe('classifyTopics', () => {
  it('classifies within the trained classes with the model', () => {
    const [first] = classifyTopics(
      'Shares fell sharply on Wall Street as investors worried about interest rates and company profits. The central bank is expected to raise rates again.',
    );
    expect(first).toMatchObject({ qcode: 'medtop:04000000', source: 'model', ancestors: [] });
    expect(defaultTopicModel().classes).toContain(first.qcode);
  });

  it('files a short brief under a top level the model lacks on two distinct cues, a long text only on three', () => {
    const brief = 'Bishop to retire\n\nThe bishop of the northern church will retire in the spring after twenty years, it was announced.';
    expect(top(brief)).toBe('medtop:12000000');
    const filler = ' The committee met on Saturday and will meet again next month to discuss the proposals.'.repeat(20);
    expect(qcodes(`${brief}${filler}`)).not.toContain('medtop:12000000');
  });

  it.each([
    ['crime', CRIME, 'medtop:02000000'],
    ['conflict', CONFLICT, 'medtop:16000000'],
    ['weather', WEATHER, 'medtop:17000000'],
  ])('gives %s articles their own top level from the lexicon', (_, text, qcode) => {
    const [first] = classifyTopics(text);
    expect(first.qcode).toBe(qcode);
    expect(first.source).toBe('lexicon');
    expect(first.confidence).toBeLessThan(0.9);
  });

  it('ranks a clearly health story first as health although the model leans to economy', () => {
    // The shipped model gives economy p ≈ 0.67 ("rates rise… fall"), but its top logit is low: it is guessing.
    const topics = classifyTopics(HEALTH);
    expect(topics[0]).toMatchObject({ qcode: 'medtop:07000000', source: 'lexicon' });
    const economy = topics.find((t) => t.qcode === 'medtop:04000000');
    if (economy) expect(economy.confidence).toBeLessThan(topics[0].confidence);
  });

  it.each(TOPIC_ARTICLES.map((a) => [a.name, a] as const))('files "%s" under the topic an editor would put first', (_, article) => {
    const [first] = classifyTopics(`${article.title}\n\n${article.bodyText}`);
    expect(mediaTopicTopLevel(first.qcode)?.qcode).toBe(article.expected);
  });

  it('keeps a confident in-domain model first over another topic’s cue words', () => {
    for (const article of TOPIC_ARTICLES.filter((a) => a.guard)) {
      const [first, ...rest] = classifyTopics(`${article.title}\n\n${article.bodyText}`);
      expect(first).toMatchObject({ qcode: article.expected, source: 'model' });
      expect(first.confidence).toBeGreaterThan(0.9);
      // The other topic is still there, ranked below.
      if (article.name === 'drugmaker profits') expect(rest.map((t) => t.qcode)).toContain('medtop:07000000');
    }
  });

  it('gives a model class cue-word support when the model is unsure (science outside the BBC tech stories)', () => {
    const exoplanet = TOPIC_ARTICLES.find((a) => a.name === 'exoplanet') as TopicArticle;
    const [first] = classifyTopics(`${exoplanet.title}\n\n${exoplanet.bodyText}`);
    expect(first).toMatchObject({ qcode: 'medtop:13000000', source: 'lexicon' });
  });

  it('goes deeper than the top level where cues are strong, with ancestors', () => {
    expect(qcodes(CRIME)).toContain('medtop:20000099'); // homicide
    expect(qcodes(HEALTH)).toContain('medtop:20000448'); // communicable disease
    const soccer = classifyTopics(FOOTBALL).find((t) => t.qcode === 'medtop:20001065');
    expect(soccer?.ancestors.map((a) => a.qcode)).toEqual(['medtop:15000000', 'medtop:20000822']);
    expect(top(FOOTBALL)).toBe('medtop:15000000');
  });

  it('never ranks a subtopic above its top level and caps the list', () => {
    for (const text of [CRIME, HEALTH, CONFLICT, WEATHER, FOOTBALL]) {
      const topics = classifyTopics(text, { maxTopics: 4 });
      expect(topics.length).toBeLessThanOrEqual(4);
      for (const t of topics) {
        const parent = topics.find((p) => p.qcode === t.ancestors[0]?.qcode);
        if (parent) expect(parent.confidence).toBeGreaterThanOrEqual(t.confidence);
      }
    }
  });

  it('trusts the model by how loudly it speaks: its top logit against its training 5th percentile', () => {
    const model = defaultTopicModel();
    expect(model.inDomainLogit).toBeGreaterThan(2);
    const inDomain = model.inDomainLogit as number;
    expect(domainConfidence(inDomain, inDomain)).toBeGreaterThan(0.99);
    expect(domainConfidence(inDomain / 2, inDomain)).toBeCloseTo(0.5, 6);
    expect(domainConfidence(0, inDomain)).toBeLessThan(0.01);
    // A weather forecast is far from anything the BBC classes taught the model; a cup final is not.
    expect(scoreFromFeatures(model, topicFeatures(WEATHER)).maxLogit).toBeLessThan(inDomain / 2);
    expect(scoreFromFeatures(model, topicFeatures(FOOTBALL)).maxLogit).toBeGreaterThan(inDomain / 2);
    expect(scoreFromFeatures(model, topicFeatures(FOOTBALL)).predictions).toEqual(predictTopics(model, FOOTBALL));
  });
});
