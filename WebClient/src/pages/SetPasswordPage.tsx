import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, send } from '../api/client';
import { clientFailure } from '../api/problem';
import { ErrorAlert } from '../components/ErrorAlert';
import { NewPasswordFields, useNewPassword } from '../components/NewPasswordFields';
import { SubmitButton } from '../components/SubmitButton';
import { useSubmit } from '../components/useSubmit';

/**
 * `/set-password?token=…`: a new end user of a client not yet on Single Sign-On chooses their
 * first portal password from the invitation e-mail, then logs in with the portal's form.
 */
export function SetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const password = useNewPassword();
  const [done, setDone] = useState(false);
  const { busy, error, submit } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await submit(async () => {
      if (!token) return clientFailure('This link is incomplete. Open the link from the e-mail again.');
      if (password.mismatch) return clientFailure(password.mismatch);
      const result = await send(api.POST('/api/portal/password/setup', { body: { token, newPassword: password.newPassword } }));
      if (!result.ok) return result.failure;
      setDone(true);
      return 'ok';
    });
  }

  return (
    <main className="page narrow">
      <title>Choose your password</title>
      <h1>Choose your portal password</h1>
      {done ? (
        <p role="status" className="success">
          Your password is set. <Link to="/">Log in to the portal</Link> with your e-mail address and this password.
        </p>
      ) : (
        <form onSubmit={onSubmit}>
          <NewPasswordFields state={password} autoFocus />
          <ErrorAlert failure={error} />
          <SubmitButton label="Set password" busy={busy} />
        </form>
      )}
    </main>
  );
}
