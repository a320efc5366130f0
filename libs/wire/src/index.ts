/**
 * @copydesk/wire: agency wire formats read into one article record. NewsML-G2 (news items, news messages, packages,
 * NITF carried inline), NITF 3.x and ninjs 1.x–3.1. Pure: bytes or text in, records out; no I/O, no clock.
 */
export { parseWire, type ParseWireOptions } from './parse-wire';
export type * from './wire-article.types';
export { WireParseError, WireParseErrorCode, isWireParseError } from './wire.exception';
export { DEFAULT_WIRE_LIMITS, type WireLimits } from './wire.limits';
export {
  sniffWireFormat,
  rootElementName,
  syntaxOfMediaType,
  WIRE_MEDIA_TYPES,
  type WireSniff,
  type WireSyntax,
} from './sniff/wire-format.sniffer';
export {
  compareWireVersions,
  classifyWireRevision,
  sortWireVersions,
  type WireRevisionOutcome,
  type WireVersionStamp,
} from './versions/wire-version.comparator';
export { wireDraftFields, wireKillReason, type WireDraftFields, type WireMetadata } from './article/wire-draft.mapper';
export { iptcSubjectCode, mediaTopicOf } from './subjects/iptc-code.resolver';
