/*
 * WIRE CONTRACT. Stored sealed in sources.credentials_encrypted.
 */

/** How Copydesk authenticates to a source when it fetches it. */
export type SourceCredentials =
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'headers'; headers: Record<string, string> };

/** The request headers the credentials turn into. */
export function credentialHeaders(credentials: SourceCredentials | null): Record<string, string> {
  if (!credentials) return {};
  switch (credentials.type) {
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` };
    case 'bearer':
      return { authorization: `Bearer ${credentials.token}` };
    case 'headers':
      return { ...credentials.headers };
  }
}

/** A source's own politeness (stored in `sources.config.politeness`): only ever stricter than the fetcher's. */
export interface SourcePoliteness {
  minIntervalMs?: number;
  concurrency?: number;
}

export function sourcePoliteness(config: Record<string, unknown>): SourcePoliteness | undefined {
  return (config as { politeness?: SourcePoliteness }).politeness;
}
