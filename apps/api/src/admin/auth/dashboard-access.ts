import { ApiScope } from '@copydesk/contracts';

/** What a key may do in the dashboard. `act` implies `see`; `manageKeys` and `readAudit` imply both. */
export interface DashboardAccess {
  see: boolean;
  act: boolean;
  manageKeys: boolean;
  /** The audit log, admin-only as `GET /v1/audit` is. */
  readAudit: boolean;
}

/**
 * The one place that maps a key's scopes to the dashboard, as the API maps them to routes: `read` sees, `manage`
 * acts (kill, re-enrich, retry, replay, pause), `admin` also manages keys and reads the audit log. An `ingest` key
 * (a CMS's push credential) stays out.
 */
export function dashboardAccess(scopes: readonly ApiScope[] | null | undefined): DashboardAccess {
  const has = (scope: ApiScope): boolean => Boolean(scopes?.includes(scope) || scopes?.includes(ApiScope.Admin));
  const manageKeys = has(ApiScope.Admin);
  const act = has(ApiScope.Manage);
  return { see: act || has(ApiScope.Read), act, manageKeys, readAudit: manageKeys };
}

export type DashboardCapability = keyof DashboardAccess;

/** "A key with the ingest scope", for messages. */
export function aKey(scopes: readonly ApiScope[] | null | undefined): string {
  return scopes?.length ? `A key with the ${scopes.join(', ')} scope${scopes.length > 1 ? 's' : ''}` : 'A key without scopes';
}
