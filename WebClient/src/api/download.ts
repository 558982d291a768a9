import { clientFailure, networkErrorMessage, toFailure } from './problem';
import { ApiError } from './query';
import { browser } from '../browser';

function fileName(disposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return /^[\w.\- ]+$/.test(name) ? name : fallback;
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
