import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** How a screen's state is read from and written to the address bar. */
export interface UrlCodec<State> {
  read: (params: URLSearchParams) => State;
  /** Writes only what differs from the defaults, so plain links stay short. */
  write: (state: State) => URLSearchParams;
}

/**
 * A screen's filter, sort and page state, kept in the URL (so a link reproduces the view and Back
 * undoes a change). `update` merges a change; pass `replace` for keystrokes (debounced search).
 */
export function useUrlState<State>(codec: UrlCodec<State>) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => codec.read(params), [codec, params]);
  const update = useCallback(
    (change: Partial<State>, options?: { replace?: boolean }) =>
      setParams((current) => codec.write({ ...codec.read(current), ...change }), { replace: options?.replace ?? false }),
    [codec, setParams],
  );
  return [state, update] as const;
}

/** The value if it is one of the allowed ones, else the fallback (a hand-edited URL never breaks the page). */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}

/** A positive whole number from the URL, else the fallback. */
export function positive(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : fallback;
}
