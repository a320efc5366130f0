import { type Html, html } from './html';
import { barePage } from './layout.view';

/** The sign-in form: an API key, never put in the URL (POST), never autocompleted into a stranger's browser. */
export function loginPage(options: { next: string; error?: string; notice?: string }): string {
  const content: Html = html`<section class="login" aria-labelledby="login-title">
    <h1 id="login-title">Copydesk admin</h1>
    ${options.notice ? html`<p class="flash" role="status">${options.notice}</p>` : ''}
    ${options.error ? html`<p class="error" role="alert" id="login-error">${options.error}</p>` : ''}
    <form method="post" action="/admin/login">
      <input type="hidden" name="next" value="${options.next}" />
      <label for="key">API key</label>
      <input
        id="key"
        name="key"
        type="password"
        autocomplete="off"
        required
        spellcheck="false"
        ${options.error ? html` aria-describedby="login-error"` : ''}
      />
      <button type="submit">Sign in</button>
    </form>
    <p class="muted">Read keys see; admin keys also act. The session ends after a while without use, and at logout.</p>
  </section>`;
  return barePage('Sign in', content);
}
