import { useState } from 'react';
import { api, send } from '../../api/client';
import type { ApiFailure } from '../../api/problem';
import type { components } from '../../api/schema';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';

type ActiveSession = components['schemas']['ActiveSession'];

const loadSessions = () => send(api.GET('/api/sso/sessions'));

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** "Where you're signed in": the user's SSO sessions, and ending the others (a lost phone, a shared computer). */
export function SignedInSessions() {
  const { state, reload } = useApiQuery(loadSessions);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function run(key: string, call: () => Promise<{ ok: true; message: string } | { ok: false; failure: ApiFailure }>) {
    setBusy(key);
    setFailure(null);
    setNotice(null);
    const result = await call();
    setBusy(null);
    if (result.ok) setNotice(result.message);
    else setFailure(result.failure);
    // Whatever happened, show the list as it is now (a session may have ended meanwhile).
    reload();
  }

  const endOne = (session: ActiveSession) =>
    run(session.id, async () => {
      const result = await send(api.DELETE('/api/sso/sessions/{id}', { params: { path: { id: session.id } } }));
      return result.ok ? { ok: true, message: `${session.device} was signed out.` } : result;
    });

  const endOthers = () =>
    run('others', async () => {
      const result = await send(api.POST('/api/sso/sessions/end-others'));
      if (!result.ok) return result;
      const count = result.data?.ended ?? 0;
      return { ok: true, message: count === 1 ? 'One other session was signed out.' : `${count} other sessions were signed out.` };
    });

  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you&apos;re signed in</h2>
      {state.status === 'loading' && <p role="status">Loading your sessions…</p>}
      {state.status === 'error' && <ErrorAlert failure={state.failure} />}
      {state.status === 'success' && (
        <>
          <ul className="sessions">
            {state.data.sessions.map((session) => (
              <li key={session.id}>
                <p>
                  <strong>{session.device}</strong>
                  {session.current && ' (this browser)'}
                </p>
                <p className="hint">
                  Network {session.network} · signed in {formatTime(session.createdAt)} · last active{' '}
                  {formatTime(session.lastSeenAt)}
                </p>
                {!session.current && (
                  <SubmitButton
                    type="button"
                    label="Sign out"
                    aria-label={`Sign out ${session.device}, signed in ${formatTime(session.createdAt)}`}
                    className="secondary"
                    busy={busy === session.id}
                    disabled={busy !== null}
                    onClick={() => void endOne(session)}
                  />
                )}
              </li>
            ))}
          </ul>
          {state.data.sessions.some((session) => !session.current) ? (
            <SubmitButton
              type="button"
              label="Sign out everywhere else"
              busy={busy === 'others'}
              disabled={busy !== null}
              onClick={() => void endOthers()}
            />
          ) : (
            <p className="hint">You are signed in only here.</p>
          )}
        </>
      )}
      <ErrorAlert failure={failure} />
      {notice && (
        <p role="status" className="success">
          {notice}
        </p>
      )}
    </section>
  );
}
