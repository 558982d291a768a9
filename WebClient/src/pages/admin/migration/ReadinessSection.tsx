import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataList } from '../../../components/DataList';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { failureOf } from '../adminApi';
import { count } from '../format';
import { readinessQuery, useExclusion } from './migrationApi';
import { outcomeLabel, outcomeLabels, problemLabel } from './migrationFormat';
import type { ReadinessUser } from './migrationTypes';

/** Why some addresses wait: said once above the table, whenever the run would ask an owner. */
const awaitingOwnerExplanation =
  'These addresses belong to existing single sign-on accounts of other organisations or products. The run asks each owner to accept; they get access when they do.';

/**
 * Readiness check: a dry run of the batch (the Api writes nothing) — how many users would be
 * migrated, linked or wait for their account's owner, and the ones to look at, each with Exclude or Include.
 */
export function ReadinessSection({ batchId }: { batchId: string }) {
  // A dry run reads every user of the batch's clients: it runs when asked, not on every visit.
  const [asked, setAsked] = useState(false);
  const report = useQuery(readinessQuery(batchId, asked));
  const exclusion = useExclusion(batchId);
  const busyUser = exclusion.isPending ? exclusion.variables.endUserId : null;

  return (
    <section className="panel" aria-labelledby="readiness-title">
      <h2 id="readiness-title">Readiness check</h2>
      <p className="hint">A dry run: it shows what the batch would do now, and changes nothing.</p>
      <SubmitButton
        type="button"
        className="secondary"
        label={asked ? 'Check again' : 'Check readiness'}
        busy={report.isFetching}
        onClick={() => (asked ? void report.refetch() : setAsked(true))}
      />
      <ErrorAlert failure={failureOf(exclusion.error)} />
      {report.isSuccess && (
        <>
          <p role="status">
            Of {count(report.data.total, 'end user', 'end users')}: {report.data.toMigrate.toLocaleString()} to migrate,{' '}
            {report.data.toLink.toLocaleString()} to link to an existing SSO account,{' '}
            {report.data.awaitingOwner.toLocaleString()} waiting for the owner to accept, {report.data.excluded.toLocaleString()}{' '}
            excluded, {count(report.data.problems, 'problem', 'problems')}.
          </p>
          {report.data.awaitingOwner > 0 && (
            <p className="hint">
              <strong>{outcomeLabels['awaiting-owner']}:</strong> {awaitingOwnerExplanation}
            </p>
          )}
        </>
      )}
      {asked && (
        <DataList
          query={report}
          loading="Checking the batch…"
          empty="No user needs a look: nobody has a problem, is linked, waits for an owner or is excluded."
          rows={(data) => data.users}
        >
          {(users) => (
            <table aria-label="Users to look at" aria-busy={report.isFetching}>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Client</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Problems</th>
                  <th scope="col">Kept roles</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <ReadinessRow
                    key={user.endUserId}
                    user={user}
                    busy={busyUser === user.endUserId}
                    onToggle={() => exclusion.mutate({ endUserId: user.endUserId, excluded: !user.excluded })}
                  />
                ))}
              </tbody>
            </table>
          )}
        </DataList>
      )}
    </section>
  );
}

function ReadinessRow({ user, busy, onToggle }: { user: ReadinessUser; busy: boolean; onToggle: () => void }) {
  const verb = user.excluded ? 'Include' : 'Exclude';
  return (
    <tr>
      <th scope="row">{user.name}</th>
      <td className="email">{user.email}</td>
      <td>
        {user.clientName} ({user.partnerName})
      </td>
      <td>{outcomeLabel(user.excluded ? 'excluded' : user.outcome)}</td>
      <td>{user.problems.length === 0 ? '—' : user.problems.map(problemLabel).join(', ')}</td>
      <td>{user.keptRoles.length === 0 ? '—' : user.keptRoles.join(', ')}</td>
      <td>
        <button type="button" className="small" disabled={busy} aria-busy={busy} aria-label={`${verb} ${user.name}`} onClick={onToggle}>
          {verb}
        </button>
      </td>
    </tr>
  );
}
