import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { clientFailure } from '../../api/problem';
import { failureOf } from '../../api/query';
import { accessTokenOrRenewal, currentUser, signInReturningTo } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { useSubmit, type Outcome } from '../../components/useSubmit';
import { acceptAccessRequest, accessRequestQuery, declineAccessRequest, type AccessRequestView } from './accessRequestApi';

const signInFailed = 'We could not start Single Sign-On. Please try again.';

type Answer = 'accept' | 'decline' | 'not-me';

/** Where the sign-in started by Accept comes back to: this page, for the same link (a path on this origin). */
const accessRequestPath = (token: string) => `/access-request?token=${encodeURIComponent(token)}`;

/**
 * `/access-request?token=…`, the link mailed to the owner of an existing single sign-on account when
 * an IT provider typed its address. Opening it only describes the request: mail scanners open links,
 * so every answer waits for a click.
 */
export function AccessRequestPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const request = useQuery(accessRequestQuery(token));

  return (
    <main className="page narrow">
      <title>Access to the End User Portal</title>
      <h1>Access to the End User Portal</h1>
      {request.isPending && <p role="status">Loading the request…</p>}
      {request.isError && <ErrorAlert failure={failureOf(request.error)} />}
      {request.isSuccess && token && <AccessRequestAnswers token={token} request={request.data} />}
    </main>
  );
}

/** The address the SPA holds tokens for, if any (after the sign-in Accept started, it is back here). */
function useSignedInAs(): string | null {
  const [email, setEmail] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    currentUser().then(
      (user) => {
        if (current) setEmail(user?.profile.email ?? null);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return email;
}

function AccessRequestAnswers({ token, request }: { token: string; request: AccessRequestView }) {
  const { partnerName, clientName, email } = request;
  const [answering, setAnswering] = useState<Answer | null>(null);
  const [done, setDone] = useState<Answer | null>(null);
  const { busy, error, submit } = useSubmit();
  const signedInAs = useSignedInAs();

  async function signIn(): Promise<Outcome> {
    try {
      await signInReturningTo(accessRequestPath(token));
      return 'leaving';
    } catch {
      return clientFailure(signInFailed);
    }
  }

  /** Accepting needs the owner signed in (with their authenticator): a token in memory, a silent renewal, or the sign-in. */
  async function accept(): Promise<Outcome> {
    const accessToken = await accessTokenOrRenewal();
    if (!accessToken) return signIn();
    const result = await acceptAccessRequest(token, accessToken);
    if (result.ok) return 'ok';
    // The Api no longer takes the token in memory (its session ended): sign in again, then back here.
    return result.failure.status === 401 ? signIn() : result.failure;
  }

  async function decline(notMe: boolean): Promise<Outcome> {
    const result = await declineAccessRequest(token, notMe);
    return result.ok ? 'ok' : result.failure;
  }

  function answer(which: Answer) {
    setAnswering(which);
    void submit(async () => {
      const outcome = await (which === 'accept' ? accept() : decline(which === 'not-me'));
      if (outcome === 'ok') setDone(which);
      return outcome;
    });
  }

  if (done === 'accept') {
    return (
      <>
        <p role="status" className="success">
          You now have access to the End User Portal of {clientName}.
        </p>
        <p>
          <Link to="/portal">Go to the portal</Link>
        </p>
      </>
    );
  }
  if (done) {
    return (
      <p role="status" className="success">
        {done === 'not-me'
          ? `Thank you. ${partnerName} was told that you do not know them; nothing changed on your account.`
          : `You declined. ${partnerName} was told; nothing changed on your account.`}
      </p>
    );
  }

  const button = (which: Answer, label: string, className?: string) => (
    <SubmitButton
      type="button"
      label={label}
      className={className}
      busy={busy && answering === which}
      disabled={busy}
      onClick={() => answer(which)}
    />
  );
  return (
    <>
      <p>
        {partnerName} wants to give you access to the End User Portal of {clientName}.
      </p>
      <p>
        The request is for your single sign-on account <strong>{email}</strong>. Nothing changes on your account unless
        you accept.
      </p>
      <p className="hint">
        To accept, you sign in with Single Sign-On as {email}, with your authenticator app. If you do not know{' '}
        {partnerName}, choose This was not me.
      </p>
      {signedInAs && <p className="hint">You are signed in as {signedInAs}.</p>}
      <ErrorAlert failure={error} />
      <div className="actions">
        {button('accept', 'Accept')}
        {button('decline', 'Decline', 'secondary')}
        {button('not-me', 'This was not me', 'secondary')}
      </div>
    </>
  );
}
