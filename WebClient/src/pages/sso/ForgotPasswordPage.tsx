import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { requestPasswordReset } from '../publicApi';

/** `/sso/forgot-password`: always the same confirmation, whether or not the e-mail is registered. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, submit } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(async () => {
      const result = await requestPasswordReset(email.trim());
      if (!result.ok) return result.failure;
      setSent(true);
      return 'ok';
    });
  }

  return (
    <>
      <h1>Reset your password</h1>
      {sent ? (
        <p role="status" className="success">
          If an account exists for <strong>{email}</strong>, we sent it an e-mail with a link to reset the password.
          Check your inbox.
        </p>
      ) : (
        <form onSubmit={onSubmit}>
          <p>Enter your e-mail and we will send you a link to set a new password.</p>
          <TextField label="Email" type="email" autoComplete="username" required autoFocus value={email} onChange={setEmail} />
          <ErrorAlert failure={error} />
          <SubmitButton label="Send reset link" busy={busy} />
        </form>
      )}
      <p className="secondary-action">
        <Link to="/">Back to the portal</Link>
      </p>
    </>
  );
}
