import { vi } from 'vitest';

type Handler = (request: Request) => Response | Promise<Response>;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

export const problem = (status: number, fields: Record<string, unknown>) =>
  new Response(JSON.stringify({ status, ...fields }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

export const empty = (status: number) => new Response(null, { status });

export const statusUp = { status: 'up' };

/** A funnel where nobody was moved. */
export const emptyFunnel = {
  moved: 0,
  running: false,
  lastMovedAt: null,
  steps: ['moved', 'activated', 'enrolled', 'signed-in', 'returned'].map((step) => ({ step, reached: 0, percent: 0, stoppedHere: 0 })),
};

/** A promise the test resolves when it wants, to look at the page while a request runs. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** The admin area's answer to an account that is not partner staff. */
export const notStaff = () =>
  problem(403, {
    type: 'https://portal.example/problems/forbidden',
    title: 'Not allowed',
    detail: "This area is for your IT provider's staff. Sign in with a staff account.",
  });

/**
 * Replaces fetch with the given routes ("METHOD /path" → handler). Any other call fails the test.
 * GET /api/sso/sessions and /api/sso/passkeys, GET /api/admin/me (not staff), the portal home's ticket and device lists
 * and the migration funnels (empty) answer by default, since their panels are on several pages.
 */
export function mockApi(routes: Record<string, Handler>) {
  const all: Record<string, Handler> = {
    'GET /api/status': () => json(statusUp),
    'GET /api/portal/tickets': () => json({ items: [], total: 0, page: 1, pageSize: 5 }),
    'GET /api/portal/devices': () => json({ items: [], total: 0, page: 1, pageSize: 5 }),
    'GET /api/sso/sessions': () => json({ sessions: [] }),
    'GET /api/sso/passkeys': () => json({ passkeys: [] }),
    'GET /api/admin/me': notStaff,
    // The migration funnels on the admin home, a batch's and a client's page: nothing moved yet.
    'GET /api/admin/migration/funnels': () => json({ items: [], total: 0, page: 1, pageSize: 5 }),
    'GET /api/admin/migration/funnel': () => json(emptyFunnel),
    'GET /api/admin/migration/funnel/days': () => json({ timeZone: 'UTC', days: [] }),
    'GET /api/admin/migration/batches/timeline': () => json({ items: [], total: 0, page: 1, pageSize: 50 }),
    ...routes,
  };
  const calls: { key: string; request: Request }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(input);
    const key = `${request.method} ${new URL(request.url).pathname}`;
    calls.push({ key, request: request.clone() });
    const handler = all[key];
    if (!handler) throw new Error(`Unexpected request: ${key}`);
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    calls,
    /** The requests sent to one route, in order. */
    requests: (key: string) => calls.filter((call) => call.key === key).map((call) => call.request),
    /** The JSON body of the last request sent to one route. */
    async lastBody(key: string): Promise<unknown> {
      const request = calls.filter((call) => call.key === key).at(-1)?.request;
      if (!request) throw new Error(`No request to ${key}`);
      return request.json();
    },
  };
}
