import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useSubmit, type Outcome } from '../../../components/useSubmit';
import { loginApi, type StepAnswer } from '../loginApi';
import { ForgotPasswordLink } from './ForgotPasswordLink';
import { Identity } from './Identity';
import { PasskeySignIn } from './PasskeySignIn';

/**
 * The password, after the e-mail. For a browser that signed in to an account with a passkey before,
 * "Use your passkey" comes first (one step instead of password and code); the password stays below.
 */
export function PasswordStep({ email, onChangeEmail, onAnswer, passkeyOffered = false, returnUrl }: {
  email: string;
  onChangeEmail: () => void;
  onAnswer: (answer: StepAnswer) => Outcome;
  passkeyOffered?: boolean;
  returnUrl: string;
}) {
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit();
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit(async () => {
          const result = await loginApi.password(password);
          return result.ok ? onAnswer(result.data) : result.failure;
        });
      }}
    >
      <h1>{passkeyOffered ? 'Sign in' : 'Enter your password'}</h1>
      <Identity email={email} onChange={onChangeEmail} />
      {passkeyOffered && <PasskeySignIn returnUrl={returnUrl} onAnswer={onAnswer} />}
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus={!passkeyOffered}
        value={password}
        onChange={setPassword}
      />
      <ErrorAlert failure={error} />
      <SubmitButton label="Login" busy={busy} />
      <ForgotPasswordLink />
    </form>
  );
}
