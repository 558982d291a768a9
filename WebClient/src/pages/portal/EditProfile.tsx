import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { failureOf } from '../../api/query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { NewPasswordFields, useNewPassword } from '../../components/NewPasswordFields';
import { TextField } from '../../components/TextField';
import { useChangePassword, useMe } from './portalApi';
import { PasskeysSection } from './PasskeysSection';
import { SignedInSessions } from './SignedInSessions';

function ChangePasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const password = useNewPassword();
  const [changed, setChanged] = useState(false);
  const change = useChangePassword();
  const [mismatch, setMismatch] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    change.reset();
    setMismatch(password.mismatch);
    if (password.mismatch) return;
    change.mutate(
      { currentPassword, newPassword: password.newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          password.clear();
          setChanged(true);
        },
      },
    );
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
      <ErrorAlert failure={mismatch ?? failureOf(change.error)} />
      {changed && (
        <p role="status" className="success">
          Your password was changed.
        </p>
      )}
      <SubmitButton label="Change password" busy={change.isPending} />
    </form>
  );
}

/** `/portal/profile`: legacy users change their password here; migrated users are pointed to the SSO screen and manage their passkeys. */
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
          {me.data.migratedToSso && <PasskeysSection />}
          <SignedInSessions />
        </>
      )}
      <p>
        <Link to="/portal">Back to home</Link>
      </p>
    </>
  );
}
