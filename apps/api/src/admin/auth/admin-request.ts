import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../../common/auth-context';
import type { AdminSession } from './admin-session.service';

/** A dashboard request: `auth` as on /v1, and the browser session when it came with a cookie rather than a bearer key. */
export type AdminRequest = AuthenticatedRequest & { adminSession?: AdminSession };

export const Session = createParamDecorator((_: unknown, ctx: ExecutionContext): AdminSession | null => {
  return ctx.switchToHttp().getRequest<AdminRequest>().adminSession ?? null;
});
