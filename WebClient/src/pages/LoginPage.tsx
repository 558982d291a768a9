import { useState, type FormEvent } from 'react';
import type { ApiResult } from '../api/client';
import type { components } from '../api/schema';
import { clientFailure, networkErrorMessage, type ApiFailure } from '../api/problem';
import { sessionEndedParam, signInReturningTo } from '../auth/session';
import { browser, sameOriginPath } from '../browser';
import { ErrorAlert } from '../components/ErrorAlert';
import { PortalHeader } from '../components/PortalHeader';
import { SubmitButton } from '../components/SubmitButton';
import { TextField } from '../components/TextField';

/** Starts the OIDC sign-in (code + PKCE); the provider shows /sso/login when there is no SSO session yet. */
async function startSignin(): Promise<string | null> {
  try {
    await signInReturningTo('/portal');
    return null;
  } catch {
    return 'We could not start Single Sign-On. Please try again.';
  }
}

/** The legacy form's answer: where to go on, and whether this log-in has just moved the user to Single Sign-On. */
type LegacyAnswer = components['schemas']['LegacyLoginResponse'];

/**
 * The legacy login. The Api client (openapi-fetch) loads on submit: most visitors use Single Sign-On,
 * and the page's first script stays small.
 */
async function legacyLogin(email: string, password: string): Promise<ApiResult<LegacyAnswer>> {
  try {
    const { api, send } = await import('../api/client');
    return await send(api.POST('/api/legacy/login', { body: { email, password } }));
  } catch {
    return { ok: false, failure: clientFailure(networkErrorMessage) };
  }
}

/**
 * `/`: Single Sign-On first, then the legacy form for users not yet migrated. After the Api ended a
 * session (`/?session=ended`) the same page says so and offers to log in again.
 *
 * It needs no router (every way out of it is a full-page navigation: the OIDC redirect), so a visitor
 * opening `/` downloads neither the router nor any other page (main.tsx); `search` is the URL's query.
 */
export function LoginPage({ search }: { search: string }) {
  const sessionEnded = new URLSearchParams(search).get(sessionEndedParam.name) === sessionEndedParam.value;
  const [ssoBusy, setSsoBusy] = useState(false);
  const [ssoError, setSsoError] = useState<string | null>(null);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [legacyBusy, setLegacyBusy] = useState(false);
  const [legacyError, setLegacyError] = useState<ApiFailure | string | null>(null);
  const [moved, setMoved] = useState(false);

  async function onSingleSignOn() {
    setSsoBusy(true);
    setSsoError(null);
    const error = await startSignin();
    // On success the browser is leaving: the button stays busy until it does.
    if (error) {
      setSsoError(error);
      setSsoBusy(false);
    }
  }

  async function onLegacyLogin(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLegacyBusy(true);
    setLegacyError(null);
    const result = await legacyLogin(email, password);
    if (result.ok && result.data.movedToSso) {
      // Moved to Single Sign-On by this very log-in (its batch lets users move early): the SSO screen
      // goes on from here (activation, then the sign-in with MFA). The browser is leaving.
      setMoved(true);
      browser.assign(sameOriginPath(result.data.redirectUrl));
      return;
    }

    // The Api has set the SSO session cookie, so the OIDC sign-in completes without a prompt.
    const error = result.ok ? await startSignin() : result.failure;
    if (error) {
      setLegacyError(error);
      setLegacyBusy(false);
    }
  }

  return (
    <>
      <title>{sessionEnded ? 'Your session has ended · End User Portal' : 'Log in · End User Portal'}</title>
      <PortalHeader />
      <main className="page narrow">
        {sessionEnded ? (
          <>
            <h1>Your session has ended</h1>
            <p>You were signed out, because your sign-in expired or your account was changed. Log in again to go on.</p>
          </>
        ) : (
          <h1>Log in to the End User Portal</h1>
        )}
        <section
          className="panel"
          aria-label={sessionEnded ? undefined : 'Single Sign-On'}
          aria-labelledby={sessionEnded ? 'again-title' : undefined}
        >
          {sessionEnded && <h2 id="again-title">Log in again</h2>}
          <SubmitButton type="button" label="Log in with Single Sign-On" busy={ssoBusy} onClick={onSingleSignOn} />
          <ErrorAlert failure={ssoError} />
        </section>

        <section className="panel" aria-labelledby="legacy-title">
          <h2 id="legacy-title">Not moved to Single Sign-On yet?</h2>
          <p className="hint">Log in with your portal e-mail and password.</p>
          <form onSubmit={onLegacyLogin}>
            <TextField label="Email" type="email" autoComplete="username" required value={email} onChange={setEmail} />
            <TextField
              label="Password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={setPassword}
            />
            <ErrorAlert failure={legacyError} />
            {moved && (
              <p role="status" className="success">
                Your account has moved to Single Sign-On. Taking you to its sign-in…
              </p>
            )}
            <SubmitButton label="Log in" busy={legacyBusy} />
          </form>
        </section>
      </main>
    </>
  );
}
