import { ApiKeyRole } from '@copydesk/contracts';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import type { AuthContext } from '../common/auth-context';

/** Editors work through admin keys or the CMS's ingest keys; read-only keys only read. */
export const EDITOR_ROLES: readonly ApiKeyRole[] = [ApiKeyRole.Admin, ApiKeyRole.Ingest];

export function requireRole(auth: AuthContext, roles: readonly ApiKeyRole[], action: string): void {
  if (!roles.includes(auth.role))
    throw new CopydeskException(ErrorCode.Forbidden, `A ${auth.role} key cannot ${action}; it needs a ${roles.join(' or ')} key.`);
}
