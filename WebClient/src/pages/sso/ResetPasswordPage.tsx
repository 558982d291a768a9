import { Link, useSearchParams } from 'react-router';
import { PasswordFromLinkForm } from '../../components/PasswordFromLinkForm';
import { resetSsoPassword } from '../publicApi';

/**
 * `/sso/reset-password?token=…`: a new password from the reset e-mail, or (`&welcome=1`) the
 * first one of an account the user's IT provider created, from its activation e-mail.
 */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const welcome = params.get('welcome') === '1';
  return (
    <>
      <h1>{welcome ? 'Activate your account' : 'Set a new password'}</h1>
      {welcome && <p>Choose the password you will use to log in with Single Sign-On.</p>}
      <PasswordFromLinkForm
        submitLabel={welcome ? 'Activate account' : 'Set new password'}
        save={resetSsoPassword}
        done={
          welcome
            ? 'Your account is active. Return to the portal and log in with Single Sign-On.'
            : 'Your password was changed. Return to the portal and log in with your new password.'
        }
      />
      <p className="secondary-action">
        <Link to="/">Back to the portal</Link>
      </p>
    </>
  );
}
