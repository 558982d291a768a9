import { Fragment } from 'react';
import { ActionsMenu } from '../../../components/ActionsMenu';
import type { EndUserRow, StaffMe } from '../adminTypes';
import { accessRequestLabel, formatDate, formatDateTime, mfaMethodLabel, ssoStateLabel } from '../format';
import { allowedActions, type RowAction } from './endUserActions';
import { migrationStateShort } from './migrationState';
import type { EndUserFilters, SortKey } from './endUserFilters';

interface Props {
  rows: readonly EndUserRow[];
  staff: StaffMe;
  filters: EndUserFilters;
  busy: boolean;
  selected: ReadonlySet<string>;
  busyUserId: string | null;
  onSort: (key: SortKey) => void;
  onSelect: (ids: string[], selected: boolean) => void;
  onAction: (action: RowAction | 'edit' | 'details', user: EndUserRow) => void;
}

/** The words of each action in a row's menu (the menu itself is named after the user). */
const actionText: Record<RowAction | 'edit', string> = {
  edit: 'Edit',
  disable: 'Disable',
  enable: 'Enable',
  'resend-activation': 'Resend activation',
  'send-reminder': 'Send reminder',
  'reset-mfa': 'Reset MFA',
  unlock: 'Unlock',
  'retry-move': 'Retry now',
  delete: 'Delete',
};

function SortHeader({ label, sortKey, filters, onSort }: { label: string; sortKey: SortKey; filters: EndUserFilters; onSort: (key: SortKey) => void }) {
  const active = filters.sort === sortKey;
  const direction = filters.desc ? 'descending' : 'ascending';
  return (
    <th scope="col" aria-sort={active ? direction : 'none'}>
      <button type="button" className="sort" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (filters.desc ? '▼' : '▲') : '↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * The Migrated to SSO column: a check mark and the day; or an empty mark with, in words anyone can
 * read, where the user stands in the move (and a Needs attention badge when the partner can fix it).
 */
export function MigratedMark({ user }: { user: Pick<EndUserRow, 'migratedToSso' | 'migratedAt' | 'migration'> }) {
  if (!user.migratedToSso) {
    return (
      <span className="migration-state">
        <span className="mark" aria-hidden="true" />
        <span className="visually-hidden">Not migrated: </span>
        {user.migration ? migrationStateShort(user.migration) : 'Not migrated'}
        {user.migration?.needsAttention && <span className="badge attention">Needs attention</span>}
      </span>
    );
  }
  const day = user.migratedAt ? formatDate(user.migratedAt) : null;
  return (
    <>
      <span className="mark checked" aria-hidden="true">
        ✓
      </span>
      <span aria-hidden="true"> {day}</span>
      <span className="visually-hidden">{day ? `Migrated on ${day}` : 'Migrated'}</span>
    </>
  );
}

export function StatusText({ user }: { user: Pick<EndUserRow, 'enabled' | 'locked'> }) {
  return (
    <>
      {user.enabled ? 'Enabled' : 'Disabled'}
      {user.locked && <span className="badge">Locked</span>}
    </>
  );
}

/**
 * The SSO state, or where the owner of the account with this address stands on the partner's
 * request; then how the user passes the second step (a passkey, an authenticator app), so whoever
 * helps them on the phone asks for the right thing.
 */
export function SsoStateText({ user }: { user: Pick<EndUserRow, 'ssoState' | 'accessRequest' | 'mfa'> }) {
  const label = accessRequestLabel(user.accessRequest) ?? ssoStateLabel(user.ssoState);
  if (label)
    return (
      <>
        {label}
        {!user.accessRequest &&
          user.mfa.map((method) => (
            <Fragment key={method}>
              {' '}
              <span className="badge">{mfaMethodLabel(method)}</span>
            </Fragment>
          ))}
      </>
    );
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">None</span>
    </>
  );
}

/** An e-mail address that, when the column is narrow, wraps after the @ rather than mid-word. */
function EmailText({ email }: { email: string }) {
  const at = email.indexOf('@');
  if (at < 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}

/**
 * Manage Users' table: sortable headers, a labelled checkbox per row, Details, and the other actions
 * this staff member may use behind one Actions button (so the table fits a 1366-px laptop screen).
 */
export function EndUsersTable({ rows, staff, filters, busy, selected, busyUserId, onSort, onSelect, onAction }: Props) {
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));
  const sortable = { filters, onSort };
  return (
    <table aria-label="End users" aria-busy={busy} className="end-users">
      <thead>
        <tr>
          <th scope="col">
            <input
              type="checkbox"
              aria-label="Select all end users on this page"
              checked={allSelected}
              onChange={(event) => onSelect(rows.map((row) => row.id), event.target.checked)}
            />
          </th>
          <SortHeader label="Name" sortKey="name" {...sortable} />
          <SortHeader label="Email" sortKey="email" {...sortable} />
          <SortHeader label="Client" sortKey="client" {...sortable} />
          <SortHeader label="Role" sortKey="role" {...sortable} />
          <SortHeader label="Status" sortKey="status" {...sortable} />
          <SortHeader label="Migrated to SSO" sortKey="migratedAt" {...sortable} />
          <th scope="col">SSO state</th>
          <SortHeader label="Last login" sortKey="lastLogin" {...sortable} />
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((user) => {
          const actions: (RowAction | 'edit')[] = [...(staff.canManage ? (['edit'] as const) : []), ...allowedActions(staff, user)];
          return (
            <tr key={user.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select ${user.name}`}
                  checked={selected.has(user.id)}
                  onChange={(event) => onSelect([user.id], event.target.checked)}
                />
              </td>
              <th scope="row">{user.name}</th>
              <td className="email">
                <EmailText email={user.email} />
              </td>
              <td>{user.clientName}</td>
              <td>{user.role}</td>
              <td>
                <StatusText user={user} />
              </td>
              <td>
                <MigratedMark user={user} />
              </td>
              <td>
                <SsoStateText user={user} />
              </td>
              <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Never'}</td>
              <td>
                <div className="row-actions">
                  <button
                    type="button"
                    className="small"
                    aria-label={`Details of ${user.name}`}
                    disabled={busyUserId === user.id}
                    onClick={() => onAction('details', user)}
                  >
                    Details
                  </button>
                  {actions.length > 0 && (
                    <ActionsMenu
                      label={`Actions for ${user.name}`}
                      disabled={busyUserId === user.id}
                      actions={actions.map((action) => ({
                        key: action,
                        // Resend on a row waiting for the account's owner mails them the request again.
                        label: action === 'resend-activation' && user.accessRequest ? 'Ask again' : actionText[action],
                        danger: action === 'delete',
                        onSelect: () => onAction(action, user),
                      }))}
                    />
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
