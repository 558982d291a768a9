import { send } from './client';
import { toFailure, type ApiFailure } from './problem';

/** What a query or mutation throws, so TanStack Query keeps the sentence to show. */
export class ApiError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
    this.name = 'ApiError';
  }
}

/** Awaits an Api call and returns its data, or throws an ApiError carrying the ProblemDetails sentence. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const result = await send(call);
  if (!result.ok) throw new ApiError(result.failure);
  return result.data;
}

/** The failure behind whatever a query or mutation threw. */
export function failureOf(error: unknown): ApiFailure | null {
  if (error === null || error === undefined) return null;
  return error instanceof ApiError ? error.failure : toFailure(0, undefined);
}
