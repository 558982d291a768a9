import type { ButtonHTMLAttributes } from 'react';

interface Props extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  label: string;
  busy: boolean;
}

/** A button that says what it does, and while its request runs: disabled, aria-busy, "label…" and a spinner. */
export function SubmitButton({ label, busy, type = 'submit', disabled, className, ...rest }: Props) {
  return (
    <button
      {...rest}
      type={type}
      disabled={busy || disabled}
      aria-busy={busy}
      className={['button', className].filter(Boolean).join(' ')}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {busy ? `${label}…` : label}
    </button>
  );
}
