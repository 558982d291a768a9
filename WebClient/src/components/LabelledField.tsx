import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  hint?: string;
  /** The control itself, given the id its label points at and the id of its hint (if any). */
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

/** A form control with its <label> and an optional hint tied to it by aria-describedby. */
export function LabelledField({ label, hint, children }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hint ? hintId : undefined)}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}
