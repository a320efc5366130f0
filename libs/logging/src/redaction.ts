import { type AppConfig, SECRET_VARIABLES } from '@copydesk/config';
import { stdSerializers } from 'pino';

export const REDACTED = '[redacted]';

/**
 * Where secrets sit in the objects we log: request and response headers (pino-http), and a credential-like field at
 * the top level or one level down of anything logged. pino's `redact` removes these before serialising.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["webhook-signature"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...['authorization', 'secret', 'secrets', 'password', 'token', 'credentials', 'headers.authorization'].flatMap((key) => [
    key,
    `*.${key}`,
  ]),
];

/**
 * Any JSON member, at any depth, whose name says it holds a credential, with a string value: the last net under
 * `redact` for shapes nobody listed (a header map inside an error, a nested options object).
 */
const CREDENTIAL_MEMBER =
  /"((?:[\w-]*(?:secret|password|passphrase|credential|token|apikey|api_key|api-key)[\w-]*)|authorization|proxy-authorization|cookie|set-cookie|webhook-signature)":"(?:[^"\\]|\\.)*"/gi;

/** Shapes of the secrets Copydesk itself mints: API keys (`cdk_`) and Standard Webhooks secrets (`whsec_`). */
const MINTED_SECRETS = /\b(?:cdk_[A-Za-z0-9_-]{16,}|whsec_[A-Za-z0-9+/=_-]{16,})/g;

/**
 * The values that must never appear in a log line: every variable marked secret in the environment schema (the
 * admin key, the secrets key, the metrics token, the database and Redis URLs) and the password inside each URL,
 * in case an error message quotes it on its own.
 */
export function secretValues(config: AppConfig): string[] {
  const values = new Set<string>();
  for (const name of SECRET_VARIABLES) {
    const value = config.get(name);
    if (typeof value !== 'string' || value.length < 6) continue;
    values.add(value);
    if (/^[a-z]+:\/\//i.test(value)) {
      try {
        const password = decodeURIComponent(new URL(value).password);
        if (password.length >= 4) values.add(password);
      } catch {
        // not a URL after all: the whole value is already listed
      }
    }
  }
  // Longest first, so a URL is replaced whole before the password inside it.
  return [...values].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Returns the last step before a log line is written (pino's `hooks.streamWrite`): the line with every secret value
 * (raw or JSON-escaped), every Copydesk-minted key or webhook secret, and every credential-named member replaced
 * by `[redacted]`.
 */
export function createLineScrubber(values: readonly string[]): (line: string) => string {
  const forms = new Set<string>();
  for (const value of values) {
    forms.add(value);
    forms.add(JSON.stringify(value).slice(1, -1));
  }
  const byValue = forms.size
    ? new RegExp(
        [...forms]
          .sort((a, b) => b.length - a.length)
          .map(escapeRegExp)
          .join('|'),
        'g',
      )
    : null;
  return (line) => {
    let out = byValue ? line.replace(byValue, REDACTED) : line;
    out = out.replace(MINTED_SECRETS, REDACTED);
    return out.replace(CREDENTIAL_MEMBER, (_match, key: string) => `"${key}":"${REDACTED}"`);
  };
}

type SerializedError = ReturnType<typeof stdSerializers.err> & Record<string, unknown>;

/** Members of a database error that hold the values of the failed statement rather than the statement itself. */
const STATEMENT_VALUES = ['parameters', 'detail'];

function dropStatementValues(serialized: Record<string, unknown>, depth: number): void {
  for (const key of STATEMENT_VALUES) {
    if (key in serialized) serialized[key] = REDACTED;
  }
  if (depth >= 5) return;
  for (const nested of ['driverError', 'cause']) {
    const inner = serialized[nested];
    if (inner && typeof inner === 'object') dropStatementValues(inner as Record<string, unknown>, depth + 1);
  }
}

/**
 * pino's error serializer, minus the values of a failed statement: TypeORM's QueryFailedError carries its
 * `parameters` (user content, sealed secrets) and PostgreSQL's `detail` often quotes them ("Key (slug)=(…)").
 * The statement text and the SQLSTATE stay, which is what a reader needs.
 */
export function errorSerializer(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const serialized = stdSerializers.err(err) as SerializedError;
  dropStatementValues(serialized, 0);
  return serialized;
}
