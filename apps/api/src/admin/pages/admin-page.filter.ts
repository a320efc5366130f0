import { CopydeskException, ErrorCode } from '@copydesk/pipeline';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from '../../common/problem-details.filter';
import { html } from '../views/html';
import { barePage } from '../views/layout.view';
import { redirectTo, sendHtml } from './page-response';

/**
 * Errors on dashboard pages as pages: no session → the login page (htmx asked for a fragment: it is told to go
 * there), anything else a short page with the problem and its correlation id. The JSON API keeps problem+json.
 */
@Catch()
export class AdminPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('AdminPage');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    if (error instanceof CopydeskException && error.code === ErrorCode.Unauthorized) {
      const login = request.method === 'GET' ? `/admin/login?next=${encodeURIComponent(request.url)}` : '/admin/login';
      if (request.headers['hx-request']) {
        void reply.status(401).header('hx-redirect', login).send();
        return;
      }
      redirectTo(reply, login);
      return;
    }
    const problem = toProblem(error, request);
    if (problem.status >= 500) this.logger.error({ err: error, correlationId: problem.correlationId }, 'admin page failed');
    sendHtml(
      reply,
      barePage(
        problem.title,
        html`<section class="problem" aria-labelledby="problem-title">
          <h1 id="problem-title">${problem.title}</h1>
          <p>${problem.detail ?? ''}</p>
          <p class="muted">Status ${problem.status} · correlation id <code>${problem.correlationId ?? ''}</code></p>
          <p><a href="/admin">Back to the overview</a></p>
        </section>`,
      ),
      problem.status,
    );
  }
}
