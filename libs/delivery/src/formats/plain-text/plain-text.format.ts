import type { ArticleEventType } from '@copydesk/contracts';
import type { ArticleForPublishing } from '../../article-for-publishing.types';
import { assertEventFits, type OutputFormat } from '../output-format';

const WIDTH = 69;
const SLUG: Record<ArticleEventType, string> = {
  'article.created': 'NEW',
  'article.updated': 'UPDATE',
  'article.killed': 'KILL',
};

/** Words wrapped at the old teleprinter width, paragraphs kept apart by a blank line. */
function wrap(paragraph: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function story(article: ArticleForPublishing): string[] {
  if (article.status === 'killed') {
    return ['KILL KILL KILL', wrap(`Editors: withdraw "${article.title}". Do not use. Delete it from your systems.`)];
  }
  return [
    article.title.toUpperCase(),
    ...(article.byline ? [`By ${article.byline}`] : []),
    ...article.bodyText
      .split(/\n\s*\n|\n/)
      .map(wrap)
      .filter(Boolean),
  ];
}

/**
 * A plain-text wire story, as agencies have long sent to teleprinters and text systems: a header line with the
 * event, the article id and revision, the headline, byline and paragraphs wrapped at 69 columns, and `END`.
 */
export const plainTextFormat: OutputFormat = {
  name: 'text',
  mediaType: 'text/plain; charset=utf-8',
  description: 'a plain-text wire story (headline, byline, paragraphs wrapped at 69 columns, END)',
  render(event, article, options) {
    assertEventFits(event, article);
    const header = `${SLUG[event]} ${article.id} rev ${article.revision} ${options.occurredAt.toISOString()}`;
    return `${[header, ...story(article), 'END'].join('\n\n')}\n`;
  },
  check(body) {
    const problems: string[] = [];
    const [header] = body.split('\n', 1);
    if (!/^(NEW|UPDATE|KILL) \S+ rev \d+ \S+$/.test(header)) problems.push('the first line is not "<EVENT> <id> rev <n> <time>"');
    if (!body.endsWith('\nEND\n')) problems.push('the story does not end with END');
    // The header carries ids and a timestamp; the story below it is what must fit the column width.
    if (
      body
        .split('\n')
        .slice(1)
        .some((line) => line.length > WIDTH && /\s/.test(line))
    )
      problems.push(`a line runs past ${WIDTH} columns`);
    return problems;
  },
};
