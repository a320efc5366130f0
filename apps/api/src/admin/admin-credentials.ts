/** The key an admin request carries, and how: `Bearer <key>`, or HTTP Basic with the key as the password. */
export interface AdminCredentials {
  scheme: 'bearer' | 'basic';
  key: string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const BASIC = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i;

/**
 * Reads the Authorization header. Basic's user name is ignored (a browser asks for one; any will do); the password
 * is the key. Null when there is no usable key, so the caller answers 401 with the Basic challenge.
 */
export function adminCredentials(header: string | undefined): AdminCredentials | null {
  if (!header) return null;
  const bearer = BEARER.exec(header);
  if (bearer) return { scheme: 'bearer', key: bearer[1] };
  const basic = BASIC.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const key = decoded.slice(colon + 1);
  // Keys have no whitespace; refusing it here keeps "not a key" apart from "a key we do not know".
  return /^\S+$/.test(key) ? { scheme: 'basic', key } : null;
}
