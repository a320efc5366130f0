/** Where `copydesk ingest` pushes: a running Copydesk and an API key with the ingest role. */
export interface PushTarget {
  /** The API's base URL (`http://127.0.0.1:3000`, or with a path prefix behind a proxy). */
  url: string;
  key: string;
}

/** What the API answered for one file. */
export interface PushReceipt {
  httpStatus: number;
  /** The article id the API allocated, and its status (`received`). */
  id: string | null;
  status: string | null;
}

/** A file the API did not take; `unreachable` when no answer came at all (the rest would fail the same way). */
export class PushError extends Error {
  override name = 'PushError';

  constructor(
    message: string,
    readonly unreachable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const PUSH_TIMEOUT_MS = 30_000;

/** `POST /v1/articles` under the base URL, keeping a path prefix the base may have. */
export function articlesEndpoint(baseUrl: string): URL {
  return new URL('v1/articles', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
}

/**
 * Posts one file's bytes as they are, with the media type that names its format: the API stores exactly what the
 * agency sent, so a replay sees the same bytes. A problem+json answer becomes the error's message.
 * @throws PushError
 */
export async function pushWireFile(
  target: PushTarget,
  bytes: Uint8Array,
  mediaType: string,
  fetchImpl: typeof fetch,
): Promise<PushReceipt> {
  let response: Response;
  try {
    response = await fetchImpl(articlesEndpoint(target.url), {
      method: 'POST',
      headers: { 'content-type': mediaType, authorization: `Bearer ${target.key}`, accept: 'application/json' },
      body: bytes,
      signal: AbortSignal.timeout(PUSH_TIMEOUT_MS),
    });
  } catch (err) {
    const reason = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    throw new PushError(`cannot reach Copydesk at ${target.url}: ${reason}`, true, { cause: err });
  }
  const body = await response.text();
  const json = parseJson(body);
  if (!response.ok) throw new PushError(problemMessage(response, json, body), false);
  return {
    httpStatus: response.status,
    id: typeof json?.id === 'string' ? json.id : null,
    status: typeof json?.status === 'string' ? json.status : null,
  };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `HTTP 415 Unsupported Media Type: <detail>` from an RFC 9457 problem, or the start of whatever came back. */
function problemMessage(response: Response, problem: Record<string, unknown> | null, body: string): string {
  const title = typeof problem?.title === 'string' ? problem.title : response.statusText;
  const detail = typeof problem?.detail === 'string' ? problem.detail : problem ? '' : body.slice(0, 200).trim();
  return `HTTP ${response.status}${title ? ` ${title}` : ''}${detail ? `: ${detail}` : ''}`;
}
