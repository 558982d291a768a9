import { clientFailure, networkErrorMessage, toFailure } from './problem';
import { ApiError } from './query';
import { browser } from '../browser';

/**
 * The server's name for the file: `filename*` (RFC 5987, UTF-8) before the ASCII `filename`, whose
 * other characters are "_". Letters of any script pass; anything else (bidi overrides, controls,
 * path characters) means the caller's fallback name.
 */
function fileName(disposition: string | null, fallback: string): string {
  const header = disposition ?? '';
  const utf8 = /filename\*=UTF-8''([^;\s]+)/i.exec(header)?.[1];
  const ascii = /filename="?([^";]+)"?/i.exec(header)?.[1];
  let name = ascii ?? '';
  if (utf8) {
    try {
      name = decodeURIComponent(utf8);
    } catch {
      name = '';
    }
  }
  return /^[\p{L}\p{N}_.\- ]+$/u.test(name) ? name : fallback;
}

/**
 * Fetches a file (a CSV export, a ticket's attachment) with the bearer token, like every portal and
 * admin call, and hands it to the browser as a download: a plain link could not carry the token.
 */
export async function downloadFile(
  call: () => Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<void> {
  let answer: Awaited<ReturnType<typeof call>>;
  try {
    answer = await call();
  } catch {
    throw new ApiError(clientFailure(networkErrorMessage));
  }
  const { data, error, response } = answer;
  if (!response.ok || data === undefined) throw new ApiError(toFailure(response.status, error));
  browser.download(data as Blob, fileName(response.headers.get('Content-Disposition'), fallbackName));
}
