import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { SelectField } from '../../../components/SelectField';
import { ListFailure } from '../ListFailure';
import { adminKeys, exportAudit, unwrap } from '../adminApi';
import { ExportButton } from '../ExportButton';
import { auditActionLabel, auditActionLabels, formatDateTime } from '../format';
import { Pager } from '../../../components/Pager';
import { useUrlState } from '../../../components/useUrlState';
import { auditFilters, toAuditExportQuery, toAuditQuery } from './auditFilters';
import { Changes } from './Changes';

const actionOptions = [
  { value: '', label: 'All actions' },
  ...Object.entries(auditActionLabels).map(([value, label]) => ({ value, label })),
];

/** Settings > Account Administration > Audit: who changed what, when, from where; newest first. */
export function AuditPage() {
  const [filters, update] = useUrlState(auditFilters);
  const query = toAuditQuery(filters);
  const list = useQuery({
    queryKey: adminKeys.auditList(query),
    queryFn: () => unwrap(api.GET('/api/admin/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const entries = list.data?.items ?? [];
  const filtered = Boolean(filters.action || filters.targetId);

  return (
    <>
      <title>Audit · Admin · End User Portal</title>
      <h1>Audit</h1>
      <p className="hint">Every change made to your clients&apos; end users and their migration to Single Sign-On, newest first.</p>

      <div role="search" aria-label="Filter the audit log" className="filters">
        <SelectField
          label="Action"
          value={filters.action}
          options={actionOptions}
          onChange={(action) => update({ action, page: 1 })}
        />
        {filters.targetId && (
          <p>
            Showing the history of one end user.{' '}
            <button type="button" className="link-button" onClick={() => update({ targetId: '', page: 1 })}>
              Show everyone
            </button>
          </p>
        )}
      </div>
      <div className="toolbar">
        <ExportButton download={() => exportAudit(toAuditExportQuery(filters))} />
      </div>

      {list.isPending && <p role="status">Loading the audit log…</p>}
      {list.isError && <ListFailure error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && (
        <>
          {list.isFetching && (
            <p role="status" className="hint">
              Updating…
            </p>
          )}
          {entries.length === 0 ? (
            <p className="empty">{filtered ? 'No events match these filters.' : 'Nothing has been changed yet.'}</p>
          ) : (
            <div className="table-scroll">
              <table aria-label="Audit log" aria-busy={list.isFetching}>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Actor</th>
                    <th scope="col">Action</th>
                    <th scope="col">Target</th>
                    <th scope="col">Changes</th>
                    <th scope="col">IP</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.id}>
                      <td>{formatDateTime(entry.at)}</td>
                      <td>{entry.actorName}</td>
                      <td>{auditActionLabel(entry.action)}</td>
                      <td>{entry.targetName ?? entry.targetId ?? entry.targetType}</td>
                      <td>
                        <Changes before={entry.before} after={entry.after} />
                      </td>
                      <td>{entry.clientIp ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            page={filters.page}
            pageSize={filters.pageSize}
            total={list.data.total}
            noun={['event', 'events']}
            onPage={(page) => update({ page })}
          />
        </>
      )}
    </>
  );
}
