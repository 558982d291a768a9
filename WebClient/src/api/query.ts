import { send } from './client';
import { toFailure, type ApiFailure } from './problem';

/**
 * A response type as the Api writes it. Its OpenAPI document types whole numbers as
 * `number | string` because the Api also *reads* numbers sent as strings (web defaults); what it
 * writes is always a JSON number, so the screens get `number`.
 */
export type AsWritten<T> = [T] extends [readonly (infer Item)[]]
  ? AsWritten<Item>[]
  : [T] extends [object]
    ? { [Key in keyof T]: AsWritten<T[Key]> }
    : [string] extends [T]
      ? [number] extends [T]
        ? Exclude<T, string>
        : T
      : T;

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
