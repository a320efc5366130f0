import { sharesStory, storyEntityKeys } from './story-evidence';

describe('story evidence', () => {
  it('indexes salient entities only, accent- and case-insensitively', () => {
    expect(
      storyEntityKeys({
        people: [
          { name: 'Giulia Ferraro', salience: 0.5 },
          { name: 'Passing Mention', salience: 0.1, count: 1 },
        ],
        organisations: [{ name: 'Red Cross', salience: 0.1, count: 3 }],
        places: [{ name: 'Émilia-Romagna', salience: 0.8 }],
      }).sort(),
    ).toEqual(['org:red cross', 'person:giulia ferraro', 'place:emilia-romagna']);
    expect(storyEntityKeys(undefined)).toEqual([]);
  });

  it('needs actors, not just places, to call two articles one story', () => {
    expect(sharesStory(['person:a', 'org:b'])).toBe(true);
    expect(sharesStory(['person:a', 'place:x', 'place:y'])).toBe(true);
    expect(sharesStory(['person:a', 'place:x'])).toBe(false);
    expect(sharesStory(['place:x', 'place:y', 'place:z'])).toBe(false);
  });
});
