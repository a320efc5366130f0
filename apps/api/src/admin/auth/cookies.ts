/** The session cookie's name; `__Host-` (Secure, Path=/, no Domain) where the dashboard is served over TLS. */
export const SESSION_COOKIE = 'copydesk_admin';
export const SECURE_SESSION_COOKIE = '__Host-copydesk_admin';

/** Reads one cookie from a Cookie header; null when absent or malformed. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    // Session tokens are base64url: anything else is not ours.
    return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : null;
  }
  return null;
}

export interface CookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

/**
 * The Set-Cookie value for a session: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), Secure over TLS. Over plain HTTP (a laptop on loopback) a Secure cookie would never come back.
 */
export function sessionCookie(value: string, options: CookieOptions): string {
  const name = options.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
  return [
    `${name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

/** Clears the session cookie of either name. */
export function clearedSessionCookies(): string[] {
  return [
    `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`,
    `${SECURE_SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure`,
  ];
}
