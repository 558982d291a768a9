import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, send } from '../../api/client';
import { clientFailure } from '../../api/problem';
import { failureOf } from '../../api/query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { NewPasswordFields, useNewPassword } from '../../components/NewPasswordFields';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../components/useSubmit';
import { useMe } from './portalApi';
import { SignedInSessions } from './SignedInSessions';

function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const password = useNewPassword();
  const [changed, setChanged] = useState(false);
  const { busy, error, submit } = useSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    await submit(async () => {
      if (password.mismatch) return clientFailure(password.mismatch);
      const body = { currentPassword, newPassword: password.newPassword };
      const result = await send(api.POST('/api/portal/me/password', { body }));
      if (!result.ok) return result.failure;
      setCurrentPassword('');
      password.clear();
      setChanged(true);
      return 'ok';
    });
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="change-password-title">
      <h2 id="change-password-title">Change your password</h2>
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={currentPassword}
        onChange={setCurrentPassword}
      />
      <NewPasswordFields state={password} />
      <ErrorAlert failure={error} />
      {changed && (
        <p role="status" className="success">
          Your password was changed.
        </p>
      )}
      <SubmitButton label="Change password" busy={busy} />
    </form>
  );
}

/** `/portal/profile`: legacy users change their password here; migrated users are pointed to the SSO screen. */
export function EditProfile() {
  const me = useMe();

  return (
    <>
      <title>Edit Profile · End User Portal</title>
      <h1>Edit Profile</h1>
      {me.isPending && <p role="status">Loading your profile…</p>}
      {me.isError && <ErrorAlert failure={failureOf(me.error)} />}
      {me.isSuccess && (
        <>
          <dl className="facts">
            <div>
              <dt>Name</dt>
              <dd>{me.data.name}</dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>{me.data.email}</dd>
            </div>
          </dl>
          {me.data.canChangePassword ? (
            <ChangePasswordForm />
          ) : (
            <p className="panel">
              Your account uses Single Sign-On, so your password is managed there. To change it, use{' '}
              <Link to="/sso/forgot-password">Forgot Password</Link> on the Single Sign-On login screen.
            </p>
          )}
          <SignedInSessions />
        </>
      )}
      <p>
        <Link to="/portal">Back to home</Link>
      </p>
    </>
  );
}
