import { OptionalText, PageLimit } from './validators';

/** The paging half of every keyset-paged list query: how many, and where the previous page ended. */
export class PageQueryDto {
  @PageLimit()
  limit?: number;

  @OptionalText(200, { description: 'The nextCursor of the previous page (with the same filters and sort)' })
  cursor?: string;
}
