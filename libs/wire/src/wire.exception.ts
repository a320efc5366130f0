/** Why a document could not be read. Values are stable: callers map them to HTTP problems and CLI messages. */
export enum WireParseErrorCode {
  /** Larger than the byte limit. */
  TooLarge = 'WIRE_TOO_LARGE',
  /** Elements (or JSON values) nested deeper than the depth limit. */
  TooDeep = 'WIRE_TOO_DEEP',
  /** A DTD declaring entities (billion laughs, external entities): never expanded, the document is refused. */
  EntityRefused = 'WIRE_ENTITY_REFUSED',
  /** Empty, or not NewsML-G2, NITF or ninjs. */
  NotWire = 'WIRE_NOT_WIRE',
  /** A NewsML-G2 item that is not news (planning, concept, knowledge items). */
  Unsupported = 'WIRE_UNSUPPORTED',
  /** JSON that does not parse. */
  InvalidJson = 'WIRE_INVALID_JSON',
}

/** A document refused as a whole, with a message fit for an API problem `detail` or a CLI line. */
export class WireParseError extends Error {
  override name = 'WireParseError';

  constructor(
    readonly code: WireParseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isWireParseError(error: unknown): error is WireParseError {
  return error instanceof WireParseError;
}
