import { ApiScope } from '@copydesk/contracts';
import { ApiKeyRepository, type AuditActor } from '@copydesk/database';
import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, ParseBoolPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/auth-context';
import { ApiProblems } from '../common/problem.view';
import { AllSources, RequireScope } from '../common/scope.decorator';
import { IdParam } from '../common/uuid-param';
import { ApiKeyIssuer } from './api-key-issuer.service';
import { ApiKeyListView, ApiKeyView, CreatedApiKeyView, toApiKeyView } from './api-key.view';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CarriesSecret, ETagged } from '../caching/caching.decorators';

/** Keys for CMS tools, partners and scripts: created with scopes (and optionally sources and an expiry), revoked at once. */
@ApiTags('api keys')
@RequireScope(ApiScope.Admin)
@AllSources()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(
    private readonly issuer: ApiKeyIssuer,
    private readonly keys: ApiKeyRepository,
  ) {}

  /** Creates a key. The key itself is in this answer only: store it now. */
  @Post()
  @Idempotent({ carriesSecret: true })
  @CarriesSecret()
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiProblems(422)
  async create(@Body() dto: CreateApiKeyDto, @Actor() actor: AuditActor): Promise<CreatedApiKeyView> {
    const { entity, key } = await this.issuer.create(dto, actor);
    return { ...toApiKeyView(entity), key };
  }

  /** Every key, newest first (revoked ones with `includeRevoked=true`); never the keys themselves. */
  @Get()
  @ApiQuery({ name: 'includeRevoked', required: false, type: Boolean })
  @ApiOkResponse({ type: ApiKeyListView })
  async list(@Query('includeRevoked', new ParseBoolPipe({ optional: true })) includeRevoked?: boolean): Promise<ApiKeyListView> {
    return { items: (await this.keys.list({ includeRevoked: includeRevoked ?? false })).map(toApiKeyView) };
  }

  @Get(':id')
  @ETagged()
  @ApiOkResponse({ type: ApiKeyView })
  @ApiProblems(404)
  async get(@IdParam() id: string): Promise<ApiKeyView> {
    const key = await this.keys.findById(id);
    if (!key) throw new CopydeskException(ErrorCode.NotFound, `No API key has the id ${id}.`);
    return toApiKeyView(key);
  }

  /** Revokes the key: every API process refuses it from the next request on (401). */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Revoked (or already revoked)' })
  @ApiProblems(404)
  async revoke(@IdParam() id: string, @Actor() actor: AuditActor): Promise<void> {
    await this.issuer.revoke(id, actor);
  }
}
