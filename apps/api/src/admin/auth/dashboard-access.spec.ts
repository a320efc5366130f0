import { ApiScope } from '@copydesk/contracts';
import { dashboardAccess } from './dashboard-access';

describe('dashboardAccess', () => {
  it('gives keys and the audit log to admin keys only', () => {
    expect(dashboardAccess([ApiScope.Admin])).toEqual({ see: true, act: true, manageKeys: true, readAudit: true });
    expect(dashboardAccess([ApiScope.Manage])).toEqual({ see: true, act: true, manageKeys: false, readAudit: false });
    expect(dashboardAccess([ApiScope.Read])).toEqual({ see: true, act: false, manageKeys: false, readAudit: false });
    expect(dashboardAccess([ApiScope.Read, ApiScope.Manage])).toMatchObject({ manageKeys: false, readAudit: false });
  });

  it('keeps ingest keys and keyless requests out', () => {
    const none = { see: false, act: false, manageKeys: false, readAudit: false };
    expect(dashboardAccess([ApiScope.Ingest])).toEqual(none);
    expect(dashboardAccess([])).toEqual(none);
    expect(dashboardAccess(undefined)).toEqual(none);
  });
});
