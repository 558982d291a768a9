import { useState } from 'react';
import { TextField } from './TextField';

/** Password rules the Api enforces, said where the user types. */
export const NEW_PASSWORD_HINT =
  'At least 12 characters, and not a common password. A short sentence of your own is easy to remember.';

/** State of a "new password" + "confirm" pair, with the check that they match. */
export function useNewPassword() {
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  return {
    newPassword,
    confirmPassword,
    setNewPassword,
    setConfirmPassword,
    mismatch: newPassword !== confirmPassword ? 'The new passwords do not match.' : null,
    clear: () => {
      setNewPassword('');
      setConfirmPassword('');
    },
  };
}

/** The two labelled inputs for choosing a new password. */
export function NewPasswordFields({ state, autoFocus = false }: { state: ReturnType<typeof useNewPassword>; autoFocus?: boolean }) {
  return (
    <>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        autoFocus={autoFocus}
        hint={NEW_PASSWORD_HINT}
        value={state.newPassword}
        onChange={state.setNewPassword}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        required
        value={state.confirmPassword}
        onChange={state.setConfirmPassword}
      />
    </>
  );
}
