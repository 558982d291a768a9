import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useSubmit, type Outcome } from '../../../components/useSubmit';
import { loginApi, type StepAnswer } from '../loginApi';
import { ForgotPasswordLink } from './ForgotPasswordLink';
import { Identity } from './Identity';

export function PasswordStep({ email, onChangeEmail, onAnswer }: {
  email: string;
  onChangeEmail: () => void;
  onAnswer: (answer: StepAnswer) => Outcome;
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
      <h1>Enter your password</h1>
      <Identity email={email} onChange={onChangeEmail} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        value={password}
        onChange={setPassword}
      />
      <ErrorAlert failure={error} />
      <SubmitButton label="Login" busy={busy} />
      <ForgotPasswordLink />
    </form>
  );
}
