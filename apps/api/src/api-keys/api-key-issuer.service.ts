import { AuditAction } from '@copydesk/contracts';
import {
  ApiKeyRepository,
  type ApiKeyEntity,
  type AuditActor,
  AuditLogRepository,
  SourceRepository,
  type SourceEntity,
} from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { generateApiKey, hashApiKey, visiblePrefix } from '../common/api-key.secret';
import type { CreateApiKeyDto } from './dto/create-api-key.dto';
import { RateLimiter } from '../rate-limit/rate-limiter.service';

/** Creates and revokes stored keys; each change is audited in its own transaction. */
@Injectable()
export class ApiKeyIssuer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: ApiKeyRepository,
    private readonly sources: SourceRepository,
    private readonly audit: AuditLogRepository,
    private readonly limiter: RateLimiter,
  ) {}

  async create(dto: CreateApiKeyDto, actor: AuditActor): Promise<{ entity: ApiKeyEntity; key: string }> {
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw invalid('/expiresAt', 'expiresAt must be in the future');
    const limited = dto.sources ? await Promise.all(dto.sources.map((ref, i) => this.source(ref, `/sources/${i}`))) : null;
    const defaultSource = dto.defaultSource ? await this.source(dto.defaultSource, '/defaultSource') : null;
    if (defaultSource && limited && !limited.some((s) => s.id === defaultSource.id))
      throw invalid('/defaultSource', 'defaultSource must be one of sources');
    const key = generateApiKey();
    const entity = await this.dataSource.transaction(async (manager) => {
      const created = await this.keys.create(
        {
          name: dto.name,
          keyHash: hashApiKey(key),
          keyPrefix: visiblePrefix(key),
          scopes: dto.scopes,
          sourceIds: limited ? [...new Set(limited.map((s) => s.id))] : null,
          defaultSourceId: defaultSource?.id ?? null,
          expiresAt,
          createdByKeyId: actor.keyId,
        },
        manager,
      );
      await this.audit.record(
        actor,
        {
          action: AuditAction.ApiKeyCreated,
          targetType: 'api-key',
          targetId: created.id,
          details: { name: created.name, scopes: created.scopes, sourceIds: created.sourceIds, expiresAt: dto.expiresAt ?? null },
        },
        manager,
      );
      return created;
    });
    return { entity, key };
  }

  /**
   * Revoked at once everywhere: once committed, the keys' version goes up, and every API process that remembers the
   * key sees that with the next request's token and looks the key up again. Revoking a revoked key changes nothing
   * (but raises the version again, so a retry after a failed raise completes the revocation).
   */
  async revoke(id: string, actor: AuditActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const outcome = await this.keys.revoke(id, manager);
      if (!outcome) throw new CopydeskException(ErrorCode.NotFound, `No API key has the id ${id}.`);
      if (outcome.revoked)
        await this.audit.record(
          actor,
          { action: AuditAction.ApiKeyRevoked, targetType: 'api-key', targetId: id, details: { name: outcome.key.name } },
          manager,
        );
    });
    // After the commit: raised before it, a request in between could remember the key, still valid, under the new version.
    await this.limiter.keysChanged();
  }

  private async source(ref: string, pointer: string): Promise<SourceEntity> {
    const source = await this.sources.findByRef(ref);
    if (!source) throw invalid(pointer, `no source has the id or slug "${ref}"`);
    return source;
  }
}

function invalid(pointer: string, detail: string): CopydeskException {
  return new CopydeskException(ErrorCode.ValidationFailed, `${pointer}: ${detail}`, { errors: [{ pointer, detail }] });
}
