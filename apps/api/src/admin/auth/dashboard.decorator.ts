import { SetMetadata } from '@nestjs/common';
import type { DashboardCapability } from './dashboard-access';

export const DASHBOARD_NEEDS = 'copydesk:dashboard-needs';

/** What a dashboard route needs: `see` (the default), `act`, `manageKeys`, `readAudit`, or `open` (the login page, assets). */
export const Needs = (capability: DashboardCapability | 'open'): MethodDecorator & ClassDecorator =>
  SetMetadata(DASHBOARD_NEEDS, capability);
