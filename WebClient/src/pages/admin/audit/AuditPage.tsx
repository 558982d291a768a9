import { useQuery } from '@tanstack/react-query';
import { SelectField } from '../../../components/SelectField';
import { ExportButton } from '../ExportButton';
import { auditActionLabel, auditActionLabels, formatDateTime } from '../format';
import { DataList } from '../../../components/DataList';
import { useUrlState } from '../../../components/useUrlState';
import { auditListQuery, exportAudit } from './auditApi';
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
  const list = useQuery(auditListQuery(query));
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

      <DataList
        query={list}
        loading="Loading the audit log…"
        empty={filtered ? 'No events match these filters.' : 'Nothing has been changed yet.'}
        rows={(page) => page.items}
        pager={(page) => ({
          page: filters.page,
          pageSize: filters.pageSize,
          total: page.total,
          noun: ['event', 'events'],
          onPage: (next) => update({ page: next }),
        })}
      >
        {(entries, busy) => (
          <table aria-label="Audit log" aria-busy={busy}>
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
        )}
      </DataList>
    </>
  );
}
