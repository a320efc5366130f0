import { AppConfig } from '@copydesk/config';
import { ApiScope, RawItemOrigin, jobId } from '@copydesk/contracts';
import { DEFAULT_PAGE_SOURCE_SLUG } from '@copydesk/database';
import { CopydeskException, ErrorCode, IngestReceiver, assertUrlAllowed, scrapeInput } from '@copydesk/pipeline';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ReceiptBatchView, ReceiptView } from './ingest.view';
import { Auth, type AuthContext, CorrelationId } from '../common/auth-context';
import { RequireScope } from '../common/scope.decorator';
import { SourceAccess } from '../common/source-access.service';
import { IngestUrlDto } from './dto/ingest-url.dto';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('ingest')
@RequireScope(ApiScope.Ingest)
@Controller('v1/ingest')
export class IngestController {
  constructor(
    private readonly receiver: IngestReceiver,
    private readonly config: AppConfig,
    private readonly access: SourceAccess,
  ) {}

  /**
   * Fetch and ingest a page (or several). Refused at once (422) when a URL breaks policy: scheme, credentials in the
   * URL, a forbidden address. What only the fetch can tell (a redirect or DNS answer to a forbidden address, robots,
   * no article on the page) marks the article `failed` with the reason. The same URL again updates its article.
   */
  @Post()
  @Idempotent()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiExtraModels(ReceiptView, ReceiptBatchView)
  @ApiAcceptedResponse({
    description: 'A receipt for url; {items: [...]} for urls',
    schema: { oneOf: [{ $ref: getSchemaPath(ReceiptView) }, { $ref: getSchemaPath(ReceiptBatchView) }] },
  })
  async ingest(
    @Body() dto: IngestUrlDto,
    @Auth() auth: AuthContext,
    @CorrelationId() correlationId: string,
  ): Promise<ReceiptView | ReceiptBatchView> {
    if (Boolean(dto.url) === Boolean(dto.urls)) {
      throw new CopydeskException(ErrorCode.ValidationFailed, 'Give either url or urls.', {
        errors: [{ pointer: '/url', detail: 'give either url or urls' }],
      });
    }
    if (dto.urls && dto.externalId) {
      throw new CopydeskException(ErrorCode.ValidationFailed, 'externalId names one page: use it with url, not urls.', {
        errors: [{ pointer: '/externalId', detail: 'only with url' }],
      });
    }
    const urls = dto.urls ?? [dto.url as string];
    for (const url of urls) assertUrlAllowed(url, this.config.get('FETCH_ALLOW_LOOPBACK'));
    const source = await this.receiver.resolveSource(dto.source, SourceAccess.defaultSourceId(auth), DEFAULT_PAGE_SOURCE_SLUG);
    this.access.assertSource(auth, source);
    const receipts = await this.receiver.receiveMany(
      source,
      urls.map((url) => scrapeInput(url, RawItemOrigin.Scrape, { apiKeyId: auth.keyId }, dto.externalId)),
      correlationId,
    );
    const job = (rawItemId: string): string => jobId('raw', rawItemId);
    if (dto.url) return { id: receipts[0].id, status: receipts[0].status, jobId: job(receipts[0].rawItemId) };
    return {
      items: receipts.map((receipt, i) => ({ id: receipt.id, status: receipt.status, jobId: job(receipt.rawItemId), url: urls[i] })),
    };
  }
}
