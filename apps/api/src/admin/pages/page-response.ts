import type { FastifyReply } from 'fastify';

/**
 * Only the dashboard's own files run and style the page (no inline script or style, so markup that slipped into a
 * title or body could not run even if it were not escaped), it talks only to this origin, forms post only here, and
 * no other site may frame it.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sends a page with the dashboard's security headers. */
export function sendHtml(reply: FastifyReply, body: string, status = 200): void {
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', DASHBOARD_CSP)
    .header('x-frame-options', 'DENY')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', 'no-store')
    .send(body);
}

/** After a form: back to a page of the dashboard (never elsewhere), which a reload will not post again. */
export function redirectTo(reply: FastifyReply, location: string): void {
  void reply.status(303).header('location', safeNext(location)).header('cache-control', 'no-store').send();
}

/** A path inside /admin to go on to; anything else (another site, `//host`) becomes the overview. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/admin(?:[/?#]|$)/.test(next) && !next.includes('\\') && !/[\r\n]/.test(next) ? next : '/admin';
}
