import { FetchError, checkUrlPolicy } from '@copydesk/fetcher';
import { CopydeskException, ErrorCode } from './copydesk.exception';

/**
 * The fetcher's URL policy (scheme, credentials in the URL, forbidden addresses in any spelling), as an API
 * refusal: 422 `url-refused` naming the URL. What only a fetch can tell (DNS, redirects) is checked at fetch time.
 */
export function assertUrlAllowed(url: string, allowLoopback: boolean): void {
  try {
    checkUrlPolicy(url, { allowLoopback });
  } catch (err) {
    if (err instanceof FetchError) throw new CopydeskException(ErrorCode.UrlRefused, `${url}: ${err.message}`, { url });
    throw err;
  }
}
