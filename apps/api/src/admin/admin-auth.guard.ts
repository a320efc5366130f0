import { ApiScope } from '@copydesk/contracts';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiKeyGuard } from '../common/api-key.guard';
import { type AuthenticatedRequest, hasScope } from '../common/auth-context';
import { RateLimiter } from '../rate-limit/rate-limiter.service';
import { adminCredentials } from './admin-credentials';

/** Makes a browser ask for the key (any user name, the key as password) and send it with every later request. */
export const ADMIN_CHALLENGE = 'Basic realm="Copydesk admin"';

/**
 * Browsers send Basic credentials by themselves, also on a form another site posts here. A header that only a
 * script of this origin can set (another origin would need CORS, which the API does not grant) proves the change
 * comes from the dashboard.
 */
export const ADMIN_ACTION_HEADER = 'x-copydesk-admin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `/admin`: an admin key (a stored key with the admin role, or COPYDESK_ADMIN_KEY) as a bearer token or as the
 * password of HTTP Basic auth. Keys are checked by the API key guard itself, so both schemes accept exactly the keys
 * `/v1` accepts. Any 401 carries the Basic challenge; a key of another role gets 403.
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  constructor(
    private readonly apiKeys: ApiKeyGuard,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    try {
      await this.authenticate(request);
    } catch (err) {
      // Set before the problem document is sent: the filter keeps the headers already on the reply.
      if (err instanceof CopydeskException && err.code === ErrorCode.Unauthorized)
        void http.getResponse<FastifyReply>().header('www-authenticate', ADMIN_CHALLENGE);
      throw err;
    }
    const auth = request.auth;
    if (!auth || !hasScope(auth, ApiScope.Admin)) {
      throw new CopydeskException(
        ErrorCode.Forbidden,
        `The admin dashboard needs a key with the admin scope; this key has ${auth?.scopes.join(', ') ?? 'none'}.`,
      );
    }
    const bucket = await this.limiter.take(auth.keyId, ApiScope.Admin);
    for (const [name, value] of Object.entries(RateLimiter.headers(bucket))) void http.getResponse<FastifyReply>().header(name, value);
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<void> {
    const credentials = adminCredentials(request.headers.authorization);
    if (!credentials) {
      throw new CopydeskException(
        ErrorCode.Unauthorized,
        'Send an admin key as "Authorization: Bearer <key>", or as the password of HTTP Basic auth.',
      );
    }
    if (credentials.scheme === 'bearer') {
      await this.apiKeys.authenticate(request);
      return;
    }
    // The API key guard reads the key from a bearer header: hand it the Basic password in that form.
    const asBearer = { headers: { authorization: `Bearer ${credentials.key}` } } as AuthenticatedRequest;
    await this.apiKeys.authenticate(asBearer);
    request.auth = asBearer.auth;
    if (!SAFE_METHODS.has(request.method) && request.headers[ADMIN_ACTION_HEADER] === undefined) {
      throw new CopydeskException(
        ErrorCode.Forbidden,
        `A change made with Basic auth must carry the ${ADMIN_ACTION_HEADER} header (the dashboard sends it).`,
      );
    }
  }
}
