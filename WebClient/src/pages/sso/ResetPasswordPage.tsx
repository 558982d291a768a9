import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, send } from '../../api/client';
import { clientFailure } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { NewPasswordFields, useNewPassword } from '../../components/NewPasswordFields';
import { useSubmit } from '../../components/useSubmit';

/** `/sso/reset-password?token=…`: sets a new password from the link in the reset e-mail. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const password = useNewPassword();
  const [done, setDone] = useState(false);
  const { busy, error, submit } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(async () => {
      if (!token) return clientFailure('This reset link is incomplete. Open the link from the e-mail again.');
      if (password.mismatch) return clientFailure(password.mismatch);
      const body = { token, newPassword: password.newPassword };
      const result = await send(api.POST('/api/sso/password/reset', { body }));
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
          <NewPasswordFields state={password} autoFocus />
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
