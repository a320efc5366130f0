import { PermanentJobError } from '@copydesk/queue';

/** A raw item that can never become an article (bad JSON in a replay, a refused URL, a page without an article). */
export class UnprocessableRawItemError extends PermanentJobError {
  override name = 'UnprocessableRawItemError';
}
