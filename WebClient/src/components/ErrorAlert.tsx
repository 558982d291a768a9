import type { ApiFailure } from '../api/problem';

/** A failure announced to assistive technology (role="alert"), with any per-field sentences below it. */
export function ErrorAlert({ failure }: { failure: ApiFailure | string | null }) {
  if (failure === null) return null;
  const { message, fieldErrors } = typeof failure === 'string' ? { message: failure, fieldErrors: [] } : failure;
  return (
    <div role="alert" className="alert">
      <p>{message}</p>
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
