import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useSubmit, type Outcome } from '../../../components/useSubmit';
import { loginApi, type StepAnswer } from '../loginApi';
import { Identity } from './Identity';

/** The code from the authenticator app, or one of the recovery codes instead. */
export function MfaStep({ email, onChangeEmail, onAnswer }: {
  email: string;
  onChangeEmail: () => void;
  onAnswer: (answer: StepAnswer) => Outcome;
}) {
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [value, setValue] = useState('');
  const { busy, error, setError, submit } = useSubmit();

  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit(async () => {
          const answer = useRecoveryCode ? { recoveryCode: value.trim() } : { code: value.trim() };
          const result = await loginApi.mfa(answer);
          return result.ok ? onAnswer(result.data) : result.failure;
        });
      }}
    >
      <h1>Two-step verification</h1>
      <Identity email={email} onChange={onChangeEmail} />
      {/* Distinct keys: switching mounts a fresh input, so autoFocus puts the cursor in it. */}
      {useRecoveryCode ? (
        <TextField
          key="recovery"
          label="Recovery code"
          autoComplete="off"
          required
          autoFocus
          value={value}
          onChange={setValue}
        />
      ) : (
        <TextField
          key="code"
          label="MFA code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          autoFocus
          hint="Enter the 6-digit code from your authenticator app."
          value={value}
          onChange={setValue}
        />
      )}
      <ErrorAlert failure={error} />
      <SubmitButton label="Login" busy={busy} />
      <p className="secondary-action">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setUseRecoveryCode(!useRecoveryCode);
            setValue('');
            setError(null);
          }}
        >
          {useRecoveryCode ? 'Use your authenticator app instead' : 'Use a recovery code instead'}
        </button>
      </p>
    </form>
  );
}
