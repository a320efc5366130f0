import { Injectable } from '@nestjs/common';
import type { AdminRequest } from '../auth/admin-request';
import { AdminSessions } from '../auth/admin-session.service';
import { dashboardAccess } from '../auth/dashboard-access';
import type { PageContext } from '../views/layout.view';

/** Who is looking at a page, and the one message left for them. */
@Injectable()
export class PageContexts {
  constructor(private readonly sessions: AdminSessions) {}

  async of(request: AdminRequest): Promise<PageContext> {
    const session = request.adminSession ?? null;
    return {
      session,
      access: dashboardAccess(request.auth?.scopes),
      flash: session ? await this.sessions.takeFlash(session.token) : null,
      path: request.url.split('?')[0],
    };
  }

  /** Leaves `message` for the page the browser is sent to next (nothing to do for a bearer-key client). */
  async flash(request: AdminRequest, message: string): Promise<void> {
    if (request.adminSession) await this.sessions.flash(request.adminSession.token, message);
  }
}
