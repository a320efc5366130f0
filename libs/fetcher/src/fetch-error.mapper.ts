import { FetchError, FetchErrorCode } from './fetch.error';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NODATA',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);
const BAD_RESPONSE_CODES = new Set([
  'UND_ERR_INFO',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_HEADERS_OVERFLOW',
  'UND_ERR_RESPONSE_STATUS_CODE',
]);

/** Context the fetcher knows when an error surfaces: whose timer or signal fired. */
export interface ErrorContext {
  url?: string;
  timedOut?: boolean;
  aborted?: boolean;
}

/**
 * Turns what undici, node:net, node:tls and node:zlib throw into a {@link FetchError}. Errors it does not
 * recognise are returned unchanged: wrapping a bug as "connection failed" would hide it.
 */
export function toFetchError(err: unknown, context: ErrorContext = {}): unknown {
  if (err instanceof FetchError) return err;
  const { url } = context;
  if (context.timedOut) return new FetchError(FetchErrorCode.Timeout, 'fetch timed out', { url, cause: err });
  if (context.aborted) return new FetchError(FetchErrorCode.Aborted, 'fetch aborted by caller', { url, cause: err });

  const code = errorCode(err);
  if (code === undefined) return err;
  if (TIMEOUT_CODES.has(code)) return new FetchError(FetchErrorCode.Timeout, `timed out (${code})`, { url, cause: err });
  if (CONNECTION_CODES.has(code)) {
    return new FetchError(FetchErrorCode.ConnectionFailed, `connection failed (${code})`, { url, cause: err });
  }
  if (isTlsCode(code)) return new FetchError(FetchErrorCode.TlsFailed, `TLS failed (${code})`, { url, cause: err });
  if (BAD_RESPONSE_CODES.has(code) || code.startsWith('HPE_')) {
    return new FetchError(FetchErrorCode.BadResponse, `malformed response (${code})`, { url, cause: err });
  }
  return err;
}

/**
 * The value as an Error. Duck-typed, not `instanceof`: errors from node:net/tls/zlib come from another realm under
 * jest's VM sandbox (and from other module copies in production), and must keep their `code`.
 */
export function asError(err: unknown): Error {
  if (typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string') return err as Error;
  return new Error(String(err));
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('CERT_') ||
    code.startsWith('UNABLE_TO_') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN' ||
    code === 'HOSTNAME_MISMATCH'
  );
}
