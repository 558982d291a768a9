import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ApiResult } from './client';
import type { ApiFailure } from './problem';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; failure: ApiFailure };

/**
 * Loads data once on mount (and again on `reload`). Nothing is cached between pages or sessions:
 * each page asks the Api afresh, so signing out leaves no data behind in memory.
 */
export function useApiQuery<T>(load: () => Promise<ApiResult<T>>) {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [pending, setPending] = useState(true);
  const [generation, setGeneration] = useState(0);
  const started = useRef(-1);
  const run = useEffectEvent(load);

  useEffect(() => {
    // React's StrictMode runs effects twice in development; one request per generation is enough.
    if (started.current === generation) return;
    started.current = generation;
    void run().then((result) => {
      if (started.current !== generation) return;
      setState(result.ok ? { status: 'success', data: result.data } : { status: 'error', failure: result.failure });
      setPending(false);
    });
  }, [generation]);

  const reload = useCallback(() => {
    setPending(true);
    setGeneration((value) => value + 1);
  }, []);

  return { state, pending, reload };
}
