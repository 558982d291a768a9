import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, send } from '../../api/client';
import { clientFailure } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';

/** `/sso/reset-password?token=…`: sets a new password from the link in the reset e-mail. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, submit } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(async () => {
      if (!token) return clientFailure('This reset link is incomplete. Open the link from the e-mail again.');
      if (newPassword !== confirmPassword) return clientFailure('The new passwords do not match.');
      const result = await send(api.POST('/api/sso/password/reset', { body: { token, newPassword } }));
      if (!result.ok) return result.failure;
      setDone(true);
      return 'ok';
    });
  }

  return (
    <>
      <h1>Set a new password</h1>
      {done ? (
        <p role="status" className="success">
          Your password was changed. Return to the portal and log in with your new password.
        </p>
      ) : (
        <form onSubmit={onSubmit}>
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            autoFocus
            value={newPassword}
            onChange={setNewPassword}
          />
          <TextField
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            required
            value={confirmPassword}
            onChange={setConfirmPassword}
          />
          <ErrorAlert failure={error} />
          <SubmitButton label="Set new password" busy={busy} />
        </form>
      )}
      <p className="secondary-action">
        <Link to="/">Back to the portal</Link>
      </p>
    </>
  );
}
