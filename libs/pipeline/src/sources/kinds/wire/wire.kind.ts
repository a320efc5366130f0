import { SourceType } from '@copydesk/contracts';
import { WIRE_MEDIA_TYPES } from '@copydesk/wire';
import { draftFromWire } from '../../../ingest/drafts/wire.draft';
import type { DraftReader, SourceKind } from '../source-kind';

/** Which text item of the document a raw item stands for (a news message of several is stored once per item). */
export const WIRE_INDEX_KEY = 'wireIndex';

const readWire: DraftReader = (raw, { timeZone }) => {
  const index = typeof raw.metadata[WIRE_INDEX_KEY] === 'number' ? raw.metadata[WIRE_INDEX_KEY] : 0;
  return draftFromWire(raw.payload, raw.contentType, index, timeZone);
};

/** The media types wire copy arrives with; generic XML is sniffed (NewsML-G2 or NITF by its root element). */
export const WIRE_CONTENT_TYPES = [...new Set([...Object.values(WIRE_MEDIA_TYPES), 'text/xml'])];

/** An agency delivering wire copy (NewsML-G2, NITF, ninjs) over HTTP: pushed, or signed webhooks. */
export const wireKind: SourceKind = {
  type: SourceType.Wire,
  settings: { url: 'optional' },
  polling: null,
  signed: true,
  readers: Object.fromEntries(WIRE_CONTENT_TYPES.map((type) => [type, readWire])),
};
