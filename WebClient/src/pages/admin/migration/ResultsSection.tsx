import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataList } from '../../../components/DataList';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SelectField } from '../../../components/SelectField';
import { failureOf } from '../adminApi';
import { ConfirmDialog } from '../ConfirmDialog';
import { useUrlState } from '../../../components/useUrlState';
import { resultsQuery, useResultAction } from './migrationApi';
import { resultStatusLabel, resultStatusLabels } from './migrationFormat';
import type { BatchDetail, ResultRow } from './migrationTypes';
import { resultFilters, toResultQuery } from './resultFilters';
import { formatInZone } from './zonedTime';

const statusOptions = [
  { value: '', label: 'All statuses' },
  ...Object.entries(resultStatusLabels).map(([value, label]) => ({ value, label })),
];

interface Props {
  batch: BatchDetail;
  onDone: (message: string) => void;
}

/** One row per end user of the batch: status, reason, attempts; Retry when failed, Roll back when migrated or linked. */
export function ResultsSection({ batch, onDone }: Props) {
  const [filters, update] = useUrlState(resultFilters);
  const query = toResultQuery(filters);
  const results = useQuery(resultsQuery(batch.id, query, batch));
  const action = useResultAction(batch.id);
  const [rollingBack, setRollingBack] = useState<ResultRow | null>(null);
  const busyUser = action.isPending ? action.variables.endUserId : null;

  function retry(row: ResultRow) {
    action.mutate({ action: 'retry', endUserId: row.endUserId }, { onSuccess: () => onDone(`${row.name} will be migrated again.`) });
  }

  function rollBack(row: ResultRow) {
    action.mutate(
      { action: 'rollback', endUserId: row.endUserId },
      {
        onSuccess: () => {
          setRollingBack(null);
          onDone(`${row.name} was rolled back and signs in with the portal's form again, with the same password.`);
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="results-title">
      <h2 id="results-title">Results</h2>
      <div role="search" aria-label="Filter the results" className="filters">
        <SelectField
          label="Status"
          value={filters.status}
          options={statusOptions}
          onChange={(status) => update({ status: status as typeof filters.status, page: 1 })}
        />
      </div>
      {!rollingBack && <ErrorAlert failure={failureOf(action.error)} />}
      <DataList
        query={results}
        loading="Loading the results…"
        empty={
          filters.status
            ? `No user of this batch is ${resultStatusLabel(filters.status).toLowerCase()}.`
            : 'No results yet: the batch has not run.'
        }
        rows={(page) => page.items}
        pager={(page) => ({
          page: filters.page,
          pageSize: page.pageSize,
          total: page.total,
          noun: ['end user', 'end users'],
          onPage: (next) => update({ page: next }),
        })}
      >
        {(rows, busy) => (
          <table aria-label="Results" aria-busy={busy}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Client</th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
                <th scope="col">Attempts</th>
                <th scope="col">Done</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.endUserId}>
                  <th scope="row">{row.name}</th>
                  <td className="email">{row.email}</td>
                  <td>{row.clientName}</td>
                  <td className={row.status === 'failed' ? 'failed' : undefined}>{resultStatusLabel(row.status)}</td>
                  <td>{row.reason ?? '—'}</td>
                  <td>{row.attempts}</td>
                  <td>{row.completedAt ? formatInZone(row.completedAt, batch.timeZone) : '—'}</td>
                  <td>
                    {row.status === 'failed' && (
                      <button
                        type="button"
                        className="small"
                        disabled={busyUser === row.endUserId}
                        aria-busy={busyUser === row.endUserId}
                        aria-label={`Retry ${row.name}`}
                        onClick={() => retry(row)}
                      >
                        Retry
                      </button>
                    )}
                    {(row.status === 'migrated' || row.status === 'linked') && (
                      <button
                        type="button"
                        className="small"
                        aria-label={`Roll back ${row.name}`}
                        onClick={() => {
                          action.reset();
                          setRollingBack(row);
                        }}
                      >
                        Roll back
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </DataList>
      {rollingBack && (
        <ConfirmDialog
          title={`Roll back ${rollingBack.name}?`}
          confirmLabel="Roll back"
          danger
          busy={action.isPending}
          failure={failureOf(action.error)}
          onConfirm={() => rollBack(rollingBack)}
          onCancel={() => setRollingBack(null)}
        >
          <p>
            {rollingBack.name} ({rollingBack.email}) goes back to the portal&apos;s login form, with the password they use
            today, and is signed out of Single Sign-On for the portal.
            {rollingBack.status === 'linked' && ' Their Single Sign-On account keeps its other products.'}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
