import { type ArticleKeyset, ArticleSearchRepository, SourceRepository } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../common/auth-context';
import { decodeCursor, encodeCursor } from '../common/cursor';
import { SourceAccess } from '../common/source-access.service';
import type { ListArticlesDto } from './dto/list-articles.dto';
import { highlightHtml } from './highlight';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
// By relevance, a fourth value: the arrival time the first page bounded its candidates by (cursors from before it have none).
const isKeyset = (values: unknown[]): values is ['n', string, string] | ['r', number, string] | ['r', number, string, string] =>
  typeof values[2] === 'string' &&
  UUID.test(values[2]) &&
  ((values.length === 3 && values[0] === 'n' && isTime(values[1])) ||
    (values[0] === 'r' &&
      typeof values[1] === 'number' &&
      Number.isFinite(values[1]) &&
      (values.length === 3 || (values.length === 4 && isTime(values[3])))));

/** How many sources by id or slug a process remembers; past that it starts again (an archive has tens, not thousands). */
const SOURCE_CACHE_SIZE = 1000;

/** GET /v1/articles: the query's filters, the key's sources, keyset cursors and snippets. */
@Injectable()
export class ArticleSearch {
  /**
   * A source's id and slug by either. Neither ever changes (the slug is given at creation only) and sources are not
   * deleted, so a hit is never stale; a miss is asked again, so a source created a moment ago is found at once.
   */
  private readonly sourceByRef = new Map<string, { id: string; slug: string }>();

  constructor(
    private readonly search: ArticleSearchRepository,
    private readonly sources: SourceRepository,
    private readonly access: SourceAccess,
  ) {}

  /**
   * The page as the JSON text of an ArticleListView: each item as PostgreSQL wrote it (see ArticleSearchRepository
   * searchJson), with its rank and highlight added when searching, so no row is parsed and serialised again.
   */
  async list(query: ListArticlesDto, auth: AuthContext): Promise<string> {
    const limit = query.limit ?? 50;
    const sort = query.sort ?? (query.q ? 'relevance' : 'newest');
    let sourceIds: readonly string[] | undefined = auth.sourceIds ?? undefined;
    if (query.source) {
      const source = await this.source(query.source);
      this.access.assertSource(auth, source);
      sourceIds = [source.id];
    }
    const hits = await this.search.searchJson({
      q: query.q,
      sort,
      status: query.status,
      sourceIds,
      language: query.language,
      topic: query.topic,
      publishedFrom: query.publishedFrom ? new Date(query.publishedFrom) : undefined,
      publishedTo: query.publishedTo ? new Date(query.publishedTo) : undefined,
      clusterId: query.cluster,
      limit,
      after: query.cursor ? this.keyset(query.cursor, sort === 'relevance' && Boolean(query.q)) : undefined,
    });
    const items = hits.map((hit) => withRanking(hit.json, hit.rank, hit.highlight));
    const last = hits.length === limit ? hits[hits.length - 1].keyset : null;
    return `{"items":[${items.join(',')}],"nextCursor":${JSON.stringify(last ? encodeCursor(cursorValues(last)) : null)}}`;
  }

  private async source(ref: string): Promise<{ id: string; slug: string }> {
    const known = this.sourceByRef.get(ref);
    if (known) return known;
    const source = await this.sources.findByRef(ref);
    if (!source) throw new CopydeskException(ErrorCode.UnknownSource, `No source has the id or slug "${ref}".`);
    if (this.sourceByRef.size >= SOURCE_CACHE_SIZE) this.sourceByRef.clear();
    const found = { id: source.id, slug: source.slug };
    this.sourceByRef.set(ref, found);
    return found;
  }

  private keyset(cursor: string, relevance: boolean): ArticleKeyset {
    const values = decodeCursor(cursor, isKeyset);
    // A cursor of one order is meaningless in the other.
    if ((values[0] === 'r') !== relevance)
      throw new CopydeskException(ErrorCode.ValidationFailed, 'cursor belongs to another sort order.', {
        errors: [{ pointer: '/query/cursor', detail: 'cursor belongs to another sort order' }],
      });
    if (values[0] === 'n') return { sort: 'newest', at: values[1], id: values[2] };
    return { sort: 'relevance', rank: values[1], id: values[2], ...(values[3] ? { asOf: values[3] } : {}) };
  }
}

/** An item's JSON object with `rank` and `highlight` (ArticleHitView) appended, when it has them. */
export function withRanking(json: string, rank: number | null, highlight: string | null): string {
  if (rank === null && highlight === null) return json;
  const extra = [
    ...(rank !== null ? [`"rank":${JSON.stringify(rank)}`] : []),
    ...(highlight !== null ? [`"highlight":${JSON.stringify(highlightHtml(highlight))}`] : []),
  ];
  // The object's closing brace is its last character: row_to_json writes no space after it.
  return `${json.slice(0, -1)},${extra.join(',')}}`;
}

function cursorValues(keyset: ArticleKeyset): Array<string | number> {
  if (keyset.sort === 'newest') return ['n', keyset.at, keyset.id];
  return keyset.asOf ? ['r', keyset.rank, keyset.id, keyset.asOf] : ['r', keyset.rank, keyset.id];
}
