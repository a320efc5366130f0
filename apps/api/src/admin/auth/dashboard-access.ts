import { ApiKeyRole } from '@copydesk/contracts';

/** What a key may do in the dashboard. `act` implies `see`; `manageKeys` implies both. */
export interface DashboardAccess {
  see: boolean;
  act: boolean;
  manageKeys: boolean;
}

const NONE: DashboardAccess = { see: false, act: false, manageKeys: false };

/**
 * The one place that maps a key's role to the dashboard. Today's roles: `read` sees, `admin` sees, acts and manages
 * keys, `ingest` (a CMS's push credential) stays out. When keys carry scopes, map `read` → see, `manage` → act,
 * `admin` → manage keys here and nowhere else.
 */
export function dashboardAccess(role: ApiKeyRole | null | undefined): DashboardAccess {
  switch (role) {
    case ApiKeyRole.Admin:
      return { see: true, act: true, manageKeys: true };
    case ApiKeyRole.Read:
      return { see: true, act: false, manageKeys: false };
    case ApiKeyRole.Ingest:
    case null:
    case undefined:
      return NONE;
  }
}

export type DashboardCapability = keyof DashboardAccess;

/** "A read key", "An admin key": for messages. */
export function aKey(role: string | null | undefined): string {
  const name = role ?? 'unknown';
  return `${/^[aeiou]/.test(name) ? 'An' : 'A'} ${name} key`;
}
