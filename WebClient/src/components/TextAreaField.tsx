import type { TextareaHTMLAttributes } from 'react';
import { LabelledField } from './LabelledField';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}

/** A <textarea> with its <label> and optional hint, like TextField. */
export function TextAreaField({ label, value, onChange, hint, rows = 5, ...rest }: Props) {
  return (
    <LabelledField label={label} hint={hint}>
      {(id, describedBy) => (
        <textarea
          {...rest}
          id={id}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={describedBy}
        />
      )}
    </LabelledField>
  );
}
