/** Whole-window navigation, in one place so tests can observe it (jsdom cannot navigate). */
export const browser = {
  assign: (url: string): void => window.location.assign(url),
  replace: (url: string): void => window.location.replace(url),
  reload: (): void => window.location.reload(),
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
