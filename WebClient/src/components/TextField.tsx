import type { InputHTMLAttributes } from 'react';
import { LabelledField } from './LabelledField';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}

/** An input with its <label> (and an optional hint tied to it by aria-describedby). */
export function TextField({ label, value, onChange, hint, type = 'text', ...rest }: Props) {
  return (
    <LabelledField label={label} hint={hint}>
      {(id, describedBy) => (
        <input
          {...rest}
          id={id}
          type={type}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
        />
      )}
    </LabelledField>
  );
}
