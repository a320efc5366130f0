import { SourceType } from '@copydesk/contracts';
import type { SourceKind } from '../source-kind';

/**
 * A partner calling `POST /v1/webhooks/:id`, signed with the source's secret. What it sends is read by the readers
 * of pushes (JSON articles), pages (URLs to scrape) and wire copy, so it declares no reader of its own.
 */
export const webhookKind: SourceKind = {
  type: SourceType.Webhook,
  settings: { url: 'optional' },
  polling: null,
  signed: true,
};
