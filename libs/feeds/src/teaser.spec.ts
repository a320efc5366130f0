import { parseFeed } from './parse-feed';
import { isTeaser } from './teaser';

const item = (body: string): Parameters<typeof isTeaser>[0] =>
  parseFeed(`<rss version="2.0"><channel><item><title>t</title>${body}</item></channel></rss>`).items[0];

describe('isTeaser', () => {
  const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

  it('is true for a short description and no content', () => {
    expect(isTeaser(item(`<description>${words(30)}</description>`))).toBe(true);
  });

  it('is true for a body ending in a "read more" truncation', () => {
    expect(isTeaser(item(`<description>${words(400)} [&#8230;]</description>`))).toBe(true);
    expect(isTeaser(item(`<description>${words(400)} Continue reading →</description>`))).toBe(true);
  });

  it('is false for a full article body', () => {
    const encoded = `<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;${words(400)}&lt;/p&gt;</content:encoded>`;
    expect(isTeaser(item(`<description>${words(20)}</description>${encoded}`))).toBe(false);
  });

  it('is true when there is nothing at all', () => {
    expect(isTeaser(item(''))).toBe(true);
  });
});
