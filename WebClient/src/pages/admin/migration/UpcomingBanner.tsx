import { useQuery } from '@tanstack/react-query';
import { failureOf } from '../adminApi';
import { upcomingQuery } from './migrationApi';
import type { UpcomingBatch } from './migrationTypes';
import { formatInZone } from './zonedTime';

/** What a batch with early moves adds: they are possible now, or from when. */
function earlyMoves(batch: UpcomingBatch, now: number): string {
  if (!batch.windowOpensAt) return '';
  return Date.parse(batch.windowOpensAt) <= now
    ? ' Your users can move now by logging in on the portal.'
    : ` From ${formatInZone(batch.windowOpensAt, batch.timeZone)}, your users can move earlier by logging in on the portal.`;
}

function sentences(batches: UpcomingBatch[], now: number): { key: string; text: string }[] {
  return batches.flatMap((batch) =>
    batch.clients.map((client) => ({
      key: `${batch.batchId}-${client.id}`,
      text:
        batch.status === 'running'
          ? `${client.name} is moving to Single Sign-On now.`
          : `${client.name} moves to Single Sign-On on ${formatInZone(batch.scheduledAt, batch.timeZone)}.${earlyMoves(batch, now)}`,
    })),
  );
}

/**
 * Partner staff: a banner over every admin page naming their clients with a planned move to Single
 * Sign-On and its date, so they can tell their end users in time.
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
        End users of these clients then use Log in with Single Sign-On; forward them the steps from the notice e-mail.
      </p>
    </section>
  );
}
