import { api, send } from '../../api/client';
import { clientFailure, networkErrorMessage, toFailure, type ApiFailure } from '../../api/problem';
import { browser } from '../../browser';
import type { AsWritten, AuditExportQuery, AuditQuery, EndUserExportQuery, EndUserQuery } from './adminTypes';


/** What a query or mutation throws, so TanStack Query keeps the sentence to show. */
export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
    this.name = 'ApiError';
  }
}

/**
 * Awaits an Api call and returns its data as the Api writes it (see AsWritten), or throws an
 * ApiError carrying the ProblemDetails sentence.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<AsWritten<T>> {
  const result = await send(call);
  if (!result.ok) throw new ApiError(result.failure);
  return result.data as AsWritten<T>;
}

/** The failure behind whatever a query or mutation threw. */
export function failureOf(error: unknown): ApiFailure | null {
  if (error === null || error === undefined) return null;
  return error instanceof ApiError ? error.failure : toFailure(0, undefined);
}

/** Query keys: every list is keyed by its whole filter, so a change of filter is a new query. */
export const adminKeys = {
  all: ['admin'] as const,
  me: ['admin', 'me'] as const,
  clients: ['admin', 'clients'] as const,
  endUsers: ['admin', 'end-users'] as const,
  endUserList: (query: EndUserQuery) => ['admin', 'end-users', 'list', query] as const,
  endUser: (id: string) => ['admin', 'end-users', 'detail', id] as const,
  audit: ['admin', 'audit'] as const,
  auditList: (query: AuditQuery) => ['admin', 'audit', 'list', query] as const,
};

function fileName(disposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  const name = match?.[1] ? decodeURIComponent(match[1]) : '';
  return /^[\w.\- ]+$/.test(name) ? name : fallback;
}

/** Fetches a CSV export (with the bearer token, like every admin call) and hands it to the browser as a download. */
export async function downloadCsv(
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

export const exportEndUsers = (query: EndUserExportQuery) =>
  downloadCsv(
    () => api.GET('/api/admin/end-users/export.csv', { params: { query }, parseAs: 'blob' }),
    'end-users.csv',
  );

export const exportAudit = (query: AuditExportQuery) =>
  downloadCsv(() => api.GET('/api/admin/audit/export.csv', { params: { query }, parseAs: 'blob' }), 'audit.csv');
