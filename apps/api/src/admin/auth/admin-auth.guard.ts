import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyGuard } from '../../common/api-key.guard';
import type { AdminRequest } from './admin-request';
import { AdminSessions } from './admin-session.service';
import { readCookie, SECURE_SESSION_COOKIE, SESSION_COOKIE } from './cookies';
import { aKey, type DashboardCapability, dashboardAccess } from './dashboard-access';
import { DASHBOARD_NEEDS } from './dashboard.decorator';

/** The header a page's script sends the CSRF token in; forms send it as the `_csrf` field. */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const WHAT: Record<DashboardCapability, string> = {
  see: 'see the dashboard',
  act: 'change anything from the dashboard',
  manageKeys: 'manage API keys',
  readAudit: 'read the audit log',
};

/**
 * `/admin`: a browser session (cookie from the login page) or an API key as a bearer token, checked by the same
 * API key guard as `/v1`. A change made with a session must carry the session's CSRF token and, when the browser
 * says where it comes from, this origin. What the key may do comes from `dashboardAccess`.
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyGuard,
    private readonly sessions: AdminSessions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const needs = this.reflector.getAllAndOverride<DashboardCapability | 'open' | undefined>(DASHBOARD_NEEDS, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (needs === 'open') return true;
    const request = context.switchToHttp().getRequest<AdminRequest>();
    if (request.headers.authorization) await this.apiKeys.authenticate(request);
    else await this.resumeSession(request);
    const capability = needs ?? 'see';
    if (!dashboardAccess(request.auth?.scopes)[capability]) {
      throw new CopydeskException(ErrorCode.Forbidden, `${aKey(request.auth?.scopes)} cannot ${WHAT[capability]}.`);
    }
    return true;
  }

  private async resumeSession(request: AdminRequest): Promise<void> {
    const cookie = request.headers.cookie;
    const token = readCookie(cookie, SECURE_SESSION_COOKIE) ?? readCookie(cookie, SESSION_COOKIE);
    const session = token ? await this.sessions.resume(token) : null;
    if (!session)
      throw new CopydeskException(
        ErrorCode.Unauthorized,
        'Sign in at /admin/login with an API key (or send it as a bearer token).',
        {},
        // Scripts learn how to authenticate (RFC 6750); pages send the browser to the login form instead.
        { headers: { 'www-authenticate': 'Bearer realm="copydesk"' } },
      );
    request.auth = session.auth;
    request.adminSession = session;
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== `${request.protocol}://${request.headers.host ?? ''}`) {
      throw new CopydeskException(ErrorCode.Forbidden, 'A change to the dashboard must come from the dashboard itself.');
    }
    const body = request.body as Record<string, unknown> | null | undefined;
    const given = request.headers[CSRF_HEADER] ?? (body && typeof body === 'object' ? body[CSRF_FIELD] : undefined);
    if (!AdminSessions.csrfMatches(session, given)) {
      throw new CopydeskException(
        ErrorCode.Forbidden,
        'The form is out of date or did not come from the dashboard (CSRF token missing or wrong): reload the page.',
      );
    }
  }
}
