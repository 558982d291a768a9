/** Whole-window navigation, in one place so tests can observe it (jsdom cannot navigate). */
export const browser = {
  assign: (url: string): void => window.location.assign(url),
  replace: (url: string): void => window.location.replace(url),
  reload: (): void => window.location.reload(),
  download: (file: Blob, name: string): void => saveFile(file, name),
};

/**
 * A redirect URL the Api returned, reduced to a path on this origin. Anything pointing elsewhere
 * falls back to the portal, so a tampered returnUrl cannot send the user to another site.
 */
export function sameOriginPath(url: string | null | undefined, fallback = '/portal'): string {
  if (!url) return fallback;
  try {
    const target = new URL(url, window.location.origin);
    if (target.origin !== window.location.origin) return fallback;
    return `${target.pathname}${target.search}${target.hash}`;
  } catch {
    return fallback;
  }
}

/** Saves a file the page fetched (e.g. a CSV export) through the browser's download. */
export function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task, once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
