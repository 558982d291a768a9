import { useCallback, useState } from 'react';
import type { ApiFailure } from '../api/problem';

/** What an action ended with: fine, leaving the page (stay busy until the browser goes), or a failure to show. */
export type Outcome = 'ok' | 'leaving' | ApiFailure;

/** Busy flag and error of one form: buttons show busy while `submit` runs, and the failure lands in an alert. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | string | null>(null);

  const submit = useCallback(async (action: () => Promise<Outcome>) => {
    setBusy(true);
    setError(null);
    const outcome = await action();
    if (outcome === 'leaving') return;
    setBusy(false);
    if (outcome !== 'ok') setError(outcome);
  }, []);

  return { busy, error, setError, submit };
}
