import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { useSubmit } from '../../components/useSubmit';
import { reportAuthenticatorNotMe } from '../publicApi';

const missingToken = 'This link is incomplete. Open the link from the e-mail again.';

/**
 * `/sso/not-me?token=…`, the "This was not me" link of an authenticator notice. It acts only on
 * a button click, never on page load: mail scanners open links, and must not lock the owner out.
 */
export function NotMePage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const [done, setDone] = useState(false);
  const { busy, error, submit } = useSubmit();

  function secure(token: string) {
    void submit(async () => {
      const result = await reportAuthenticatorNotMe(token);
      if (!result.ok) return result.failure;
      setDone(true);
      return 'ok';
    });
  }

  return (
    <>
      <h1>This was not me</h1>
      {!token ? (
        <ErrorAlert failure={missingToken} />
      ) : done ? (
        <p role="status" className="success">
          Done. The authenticator was removed and every device was signed out. We have sent you an e-mail to choose a
          new password; your current password no longer works. Please tell your IT provider as well.
        </p>
      ) : (
        <>
          <p>
            If you did not set up or reset the authenticator app of your single sign-on account, someone else may know
            your password.
          </p>
          <p>
            Confirm below to remove that authenticator, sign out every device and stop your current password from
            working. We will then e-mail you a link to choose a new password.
          </p>
          <ErrorAlert failure={error} />
          <SubmitButton type="button" label="Remove the authenticator and sign out everywhere" busy={busy} onClick={() => secure(token)} />
        </>
      )}
      <p className="secondary-action">
        <Link to="/">Back to the portal</Link>
      </p>
    </>
  );
}
