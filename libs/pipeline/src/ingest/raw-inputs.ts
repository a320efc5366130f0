import { RawItemOrigin } from '@copydesk/contracts';
import { canonicalizeUrl } from '@copydesk/normalize';
import { isWireParseError, parseWire, WireParseErrorCode } from '@copydesk/wire';
import { CopydeskException, ErrorCode } from '../errors/copydesk.exception';
import { mediaTypeOf } from '../sources/kinds/source-kind.registry';
import { WIRE_CONTENT_TYPES, WIRE_INDEX_KEY } from '../sources/kinds/wire/wire.kind';
import type { RawInput } from './ingest-receiver.service';
import { SCRAPE_REQUEST_CONTENT_TYPE } from './scrape-request';

/** A page to fetch and read, as every way in asks for one (`POST /v1/ingest`, webhook URLs). */
export function scrapeInput(url: string, origin: RawItemOrigin, metadata: Record<string, unknown>, externalId?: string | null): RawInput {
  return {
    origin,
    payload: Buffer.from(JSON.stringify({ url })),
    contentType: SCRAPE_REQUEST_CONTENT_TYPE,
    externalId: externalId ?? canonicalizeUrl(url) ?? url,
    url,
    metadata,
  };
}

/** The agency's record of one item, kept on its raw item so history can be read without parsing the document again. */
export interface WireStamp {
  guid: string | null;
  version: number | null;
  pubStatus: string;
}

/**
 * A wire document (NewsML-G2, NITF, ninjs) as raw inputs: the document as received, once per text item it carries,
 * each naming its item, keyed by the agency's guid so a newer version finds its article. Read whole before anything
 * is stored: a document that is not wire copy (415), or that cannot be used or carries no text item (422), is
 * refused and nothing is stored.
 */
export function wireInputs(bytes: Buffer, contentType: string, metadata: Record<string, unknown>): RawInput[] {
  let articles;
  try {
    ({ articles } = parseWire(bytes, { contentType }));
  } catch (err) {
    if (!isWireParseError(err)) throw err;
    // Not a wire format at all is a media type we do not take (415); a wire document we cannot use is 422.
    const code =
      err.code === WireParseErrorCode.NotWire
        ? ErrorCode.UnsupportedMediaType
        : err.code === WireParseErrorCode.TooLarge
          ? ErrorCode.PayloadTooLarge
          : ErrorCode.ValidationFailed;
    throw new CopydeskException(code, `The document is not usable wire copy: ${err.message}.`, {
      errors: [{ pointer: '/', detail: err.message }],
      wireError: err.code,
    });
  }
  if (articles.length === 0)
    throw new CopydeskException(ErrorCode.ValidationFailed, 'The wire document carries no text item: nothing to make an article of.', {
      errors: [{ pointer: '/', detail: 'no text item' }],
    });
  return articles.map((article, index) => {
    const stamp: WireStamp = { guid: article.guid, version: article.version, pubStatus: article.pubStatus };
    return {
      origin: RawItemOrigin.Wire,
      payload: bytes,
      contentType,
      externalId: article.externalId ?? article.guid,
      url: article.url,
      metadata: { ...metadata, [WIRE_INDEX_KEY]: index, wire: stamp },
    };
  });
}

/** Whether a request body of this media type is wire copy (read by the wire kind) rather than a JSON push. */
export function isWireContentType(contentType: string | undefined): boolean {
  const type = mediaTypeOf(contentType ?? '');
  return WIRE_CONTENT_TYPES.includes(type) || type.endsWith('+xml');
}
