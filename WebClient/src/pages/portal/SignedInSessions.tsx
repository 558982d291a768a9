import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { failureOf } from '../../api/query';
import type { components } from '../../api/schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { sessionsQuery, useEndOtherSessions, useEndSession } from './portalApi';

type ActiveSession = components['schemas']['ActiveSession'];

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** "Where you're signed in": the user's SSO sessions, and ending the others (a lost phone, a shared computer). */
export function SignedInSessions() {
  const sessions = useQuery(sessionsQuery());
  const endSession = useEndSession();
  const endOtherSessions = useEndOtherSessions();
  const [notice, setNotice] = useState<string | null>(null);
  const busy = endSession.isPending ? endSession.variables : endOtherSessions.isPending ? 'others' : null;
  const failure = failureOf(endSession.error ?? endOtherSessions.error);

  function clear() {
    setNotice(null);
    endSession.reset();
    endOtherSessions.reset();
  }

  const endOne = (session: ActiveSession) => {
    clear();
    endSession.mutate(session.id, { onSuccess: () => setNotice(`${session.device} was signed out.`) });
  };

  const endOthers = () => {
    clear();
    endOtherSessions.mutate(undefined, {
      onSuccess: (result) => {
        const count = result?.ended ?? 0;
        setNotice(count === 1 ? 'One other session was signed out.' : `${count} other sessions were signed out.`);
      },
    });
  };

  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you&apos;re signed in</h2>
      {sessions.isPending && <p role="status">Loading your sessions…</p>}
      {sessions.isError && <ErrorAlert failure={failureOf(sessions.error)} />}
      {sessions.isSuccess && (
        <>
          <ul className="sessions">
            {sessions.data.sessions.map((session) => (
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
                    onClick={() => endOne(session)}
                  />
                )}
              </li>
            ))}
          </ul>
          {sessions.data.sessions.some((session) => !session.current) ? (
            <SubmitButton
              type="button"
              label="Sign out everywhere else"
              busy={busy === 'others'}
              disabled={busy !== null}
              onClick={endOthers}
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
