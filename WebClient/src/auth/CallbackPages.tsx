import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { User } from 'oidc-client-ts';
import { sameOriginPath } from '../browser';
import { ErrorAlert } from '../components/ErrorAlert';
import { isSigninState, userManager } from './session';

// A callback URL can be redeemed once; StrictMode's second effect run must reuse the first result.
const completions = new Map<string, Promise<User>>();

function completeSignin(key: string): Promise<User> {
  let completion = completions.get(key);
  if (!completion) {
    completion = userManager().then((manager) => manager.signinRedirectCallback());
    completions.set(key, completion);
  }
  return completion;
}

/** /portal/callback: redeems the authorization code, then opens the page the sign-in started from. */
export function CallbackPage() {
  const navigate = useNavigate();
  const { search } = useLocation();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    void completeSignin(search).then(
      (user) => navigate(isSigninState(user.state) ? sameOriginPath(user.state.returnTo) : '/portal', { replace: true }),
      () => setFailed(true),
    );
  }, [navigate, search]);

  if (!failed) return <p role="status" className="page-status">Signing you in…</p>;
  return (
    <main className="page narrow">
      <h1>Sign-in did not complete</h1>
      <ErrorAlert failure="We could not complete your sign-in. Please try again." />
      <p>
        <Link to="/">Back to the login page</Link>
      </p>
    </main>
  );
}

let silentCompletion: Promise<void> | undefined;

/** /portal/silent-callback: runs in the hidden iframe of a silent renew and hands the result to the page. */
export function SilentCallbackPage() {
  useEffect(() => {
    silentCompletion ??= userManager()
      .then((manager) => manager.signinSilentCallback())
      .catch(() => undefined);
  }, []);
  return null;
}
