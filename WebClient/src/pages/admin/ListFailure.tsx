import { ErrorAlert } from '../../components/ErrorAlert';
import { failureOf } from './adminApi';

/** A list that could not be loaded: the Api's sentence and Try again. */
export function ListFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <>
      <ErrorAlert failure={failureOf(error)} />
      <button type="button" className="button secondary" onClick={onRetry}>
        Try again
      </button>
    </>
  );
}
