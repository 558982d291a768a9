import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { failureOf } from '../adminApi';
import { adminRoutes } from '../adminRoutes';
import { count } from '../format';
import { upcomingQuery } from './migrationApi';
import type { UpcomingBatch, UpcomingClient } from './migrationTypes';
import { formatInZone } from './zonedTime';

/** What a batch with early moves adds: they are possible now, or from when. */
function earlyMoves(batch: UpcomingBatch, now: number): string {
  if (!batch.windowOpensAt) return '';
  return Date.parse(batch.windowOpensAt) <= now
    ? ' Your users can move now by logging in on the portal.'
    : ` From ${formatInZone(batch.windowOpensAt, batch.timeZone)}, your users can move earlier by logging in on the portal.`;
}

/** One client's line: where its move stands, in the words of the notice e-mails. */
function sentence(batch: UpcomingBatch, client: UpcomingClient, now: number): string {
  const when = formatInZone(batch.scheduledAt, batch.timeZone);
  switch (batch.status) {
    case 'running':
      return `${client.name} is moving to Single Sign-On now.`;
    case 'paused':
      return `The move of ${client.name} to Single Sign-On is paused because of a technical issue; you will be e-mailed the new date.`;
    case 'completed':
      return `${count(client.failed, 'end user', 'end users')} of ${client.name} could not be moved on ${when}; they are retried at the next run, whose date you will be e-mailed.`;
    default:
      return batch.resumes
        ? `The end users of ${client.name} not moved yet move to Single Sign-On on ${when}.`
        : `${client.name} moves to Single Sign-On on ${when}.${earlyMoves(batch, now)}`;
  }
}

function sentences(batches: UpcomingBatch[], now: number): { key: string; text: string }[] {
  return batches.flatMap((batch) =>
    batch.clients
      .filter((client) => batch.status !== 'completed' || client.failed > 0)
      .map((client) => ({ key: `${batch.batchId}-${client.id}`, text: sentence(batch, client, now) })),
  );
}

/**
 * Partner staff: a banner over every admin page (their home first) naming their clients with a
 * planned move to Single Sign-On and its date, a paused one, or one that left users behind, so
 * they can tell their end users in time; with the way to the help page on unmarked users.
 */
export function UpcomingBanner() {
  const upcoming = useQuery(upcomingQuery());
  if (upcoming.isError) {
    // A banner that cannot load does not block the page; it says why in passing.
    return <p className="hint upcoming-failed">Planned moves to Single Sign-On could not be loaded: {failureOf(upcoming.error)?.message}</p>;
  }
  // Whether early moves have begun is judged at the time of the answer (pure: no clock read while rendering).
  const lines = upcoming.isSuccess ? sentences(upcoming.data, upcoming.dataUpdatedAt) : [];
  if (lines.length === 0) return null;
  return (
    <section className="upcoming-banner" aria-label="Planned moves to Single Sign-On">
      <ul>
        {lines.map((line) => (
          <li key={line.key}>{line.text}</li>
        ))}
      </ul>
      <p className="hint">
        End users of these clients then use Log in with Single Sign-On; forward them the steps from the notice e-mail.{' '}
        <Link to={adminRoutes.migrationHelp}>What the Migrated to SSO column tells you, and what to do</Link>
      </p>
    </section>
  );
}
