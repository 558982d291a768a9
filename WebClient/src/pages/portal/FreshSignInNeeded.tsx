import { useState } from 'react';
import { clientFailure } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { signInAgain } from './passkeysApi';

/**
 * The SSO's 5-minute rule, said in a sentence, with the way out: a new sign-in at the SSO that
 * comes back to Edit Profile (where the person tries again).
 */
export function FreshSignInNeeded() {
  const [leaving, setLeaving] = useState(false);
  const [failed, setFailed] = useState(false);

  function start() {
    setFailed(false);
    setLeaving(true);
    signInAgain().catch(() => {
      setLeaving(false);
      setFailed(true);
    });
  }

  return (
    <div role="alert" className="alert">
      <p>
        For your security, changing your passkeys needs a sign-in from the last 5 minutes. Sign in again, then try once
        more: you will come back to this page.
      </p>
      <SubmitButton type="button" label="Sign in again" busy={leaving} onClick={start} />
      <ErrorAlert failure={failed ? clientFailure('We could not reach the sign-in page. Check your connection and try again.') : null} />
    </div>
  );
}
