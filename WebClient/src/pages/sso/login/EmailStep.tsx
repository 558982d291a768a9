import type { FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useSubmit, type Outcome } from '../../../components/useSubmit';
import { loginApi, type StepAnswer } from '../loginApi';
import { ForgotPasswordLink } from './ForgotPasswordLink';
import { usePasskeyAutofill } from './usePasskeyAutofill';

/**
 * The first step: the e-mail alone, sent with the returnUrl that opens the login transaction. The page
 * keeps the e-mail, so Change on a later step comes back here with it filled in. The Email field also
 * offers this site's passkeys where the browser can (usePasskeyAutofill); submitting the form ends that.
 */
export function EmailStep({ email, onEmailChange, returnUrl, onAnswer }: {
  email: string;
  onEmailChange: (value: string) => void;
  returnUrl: string;
  onAnswer: (answer: StepAnswer) => Outcome;
}) {
  const { busy, error, submit } = useSubmit();
  const autofill = usePasskeyAutofill(returnUrl, onAnswer);
  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void submit(async () => {
          await autofill.stop();
          const result = await loginApi.start(email.trim(), returnUrl);
          return result.ok ? onAnswer(result.data) : result.failure;
        });
      }}
    >
      <h1>Sign in</h1>
      <TextField label="Email" type="email" autoComplete="username webauthn" required autoFocus value={email} onChange={onEmailChange} />
      <ErrorAlert failure={error ?? autofill.failure} />
      <SubmitButton label="Next" busy={busy} />
      <ForgotPasswordLink />
    </form>
  );
}
