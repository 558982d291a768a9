import { Link } from 'react-router';
import { PasswordFromLinkForm } from '../components/PasswordFromLinkForm';
import { setUpPortalPassword } from './publicApi';

/**
 * `/set-password?token=…`: a new end user of a client not yet on Single Sign-On chooses their
 * first portal password from the invitation e-mail, then logs in with the portal's form.
 */
export function SetPasswordPage() {
  return (
    <main className="page narrow">
      <title>Choose your password</title>
      <h1>Choose your portal password</h1>
      <PasswordFromLinkForm
        submitLabel="Set password"
        save={setUpPortalPassword}
        done={
          <>
            Your password is set. <Link to="/">Log in to the portal</Link> with your e-mail address and this password.
          </>
        }
      />
    </main>
  );
}
