import { AppConfig } from '@copydesk/config';
import { type DeliveryTransportError, RESPONSE_BODY_CAP_BYTES } from '@copydesk/delivery';
import { createGuardedConnector, FetchErrorCode, isFetchError } from '@copydesk/fetcher';
import { buildWebhookHeaders } from '@copydesk/signing';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Agent, request } from 'undici';

const USER_AGENT = 'Copydesk-Webhooks/1.0 (+https://github.com/copydesk)';

/** Names the way an attempt failed without a response, following the error's cause chain. */
function transportError(err: unknown): DeliveryTransportError {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isFetchError(e) && (e.code === FetchErrorCode.AddressRefused || e.code === FetchErrorCode.UrlRefused)) return 'blocked-address';
    const { name, code } = e as { name?: string; code?: string };
    if (name === 'TimeoutError' || name === 'AbortError' || /^UND_ERR_(HEADERS|BODY|CONNECT)_TIMEOUT$/.test(code ?? '')) return 'timeout';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
    if (/CERT|TLS|SSL/.test(code ?? '')) return 'tls';
  }
  return 'connection';
}

/** What one POST to a subscriber came to. */
export interface WebhookAttemptResult {
  statusCode?: number;
  error?: DeliveryTransportError;
  errorMessage?: string;
  retryAfter?: string;
  /** The start of the response body (at most RESPONSE_BODY_CAP_BYTES, as UTF-8). */
  responseBody?: string;
  latencyMs: number;
}

/** One event as it goes on the wire: the `webhook-id`, the frozen body and its media type. */
export interface WebhookMessageToSend {
  eventId: string;
  payload: string;
  /** The body's `Content-Type`: the subscription's output format's media type (JSON when not given). */
  contentType?: string;
}

/**
 * POSTs one signed Standard Webhooks request and reports what happened; it decides nothing. A fresh
 * `webhook-timestamp` and signatures per attempt, the same `webhook-id` and body every time. Subscriber addresses
 * pass the same SSRF guard as fetches, at connect time, so a DNS change cannot point a subscription inside.
 */
@Injectable()
export class WebhookSender implements OnModuleDestroy {
  private readonly agent: Agent;
  private readonly timeoutMs: number;

  constructor(config: AppConfig) {
    this.timeoutMs = config.get('DELIVERY_TIMEOUT_MS');
    this.agent = new Agent({
      connect: createGuardedConnector({
        allowLoopback: config.get('FETCH_ALLOW_LOOPBACK'),
        connectTimeoutMs: Math.min(10_000, this.timeoutMs),
      }),
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.agent.close();
  }

  /** Sends `message` to `url`, signed with every secret in `secrets` (the newest first). Never throws. */
  async send(url: string, message: WebhookMessageToSend, secrets: readonly string[]): Promise<WebhookAttemptResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const headers = buildWebhookHeaders({
        id: message.eventId,
        timestamp: Math.floor(Date.now() / 1000),
        body: message.payload,
        secrets,
      });
      const response = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { ...headers, 'content-type': message.contentType ?? 'application/json', 'user-agent': USER_AGENT },
        body: message.payload,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const responseBody = await this.readCapped(response.body);
      const retryAfter = response.headers['retry-after'];
      return {
        statusCode: response.statusCode,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
        responseBody,
        latencyMs: elapsed(),
      };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { error: transportError(err), errorMessage: message, latencyMs: elapsed() };
    }
  }

  /** Keeps at most RESPONSE_BODY_CAP_BYTES and drops the rest, so a chatty subscriber costs nothing. */
  private async readCapped(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
    const chunks: Buffer[] = [];
    let kept = 0;
    for await (const chunk of body) {
      const room = RESPONSE_BODY_CAP_BYTES - kept;
      if (room > 0) chunks.push(chunk.subarray(0, room));
      kept += Math.min(room, chunk.length);
      if (chunk.length >= room) {
        body.destroy();
        break;
      }
    }
    // A cut may split a multi-byte character; the replacement character marks it, which is fine for display.
    return Buffer.concat(chunks).toString('utf8');
  }
}
