import { CopydeskException, ErrorCode } from '@copydesk/pipeline';

/** Opaque page cursors: base64url JSON, so a client never builds one and cannot mistake it for an id. */
export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values of a cursor this API gave out, checked by `valid`; 422 naming `cursor` otherwise. */
export function decodeCursor<T extends unknown[]>(cursor: string, valid: (values: unknown[]) => values is T): T {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && valid(values)) return values;
  } catch {
    // fall through to the refusal
  }
  throw new CopydeskException(ErrorCode.ValidationFailed, 'cursor is not a cursor this API gave out.', {
    errors: [{ pointer: '/query/cursor', detail: 'invalid cursor' }],
  });
}
