import { ActionsMenu, type MenuAction } from '../../../components/ActionsMenu';
import { formatDateTime } from '../../../components/format';
import type { ApiClientRow } from '../adminTypes';
import type { ApiClientAction } from './ApiClientActionDialog';

interface Props {
  rows: readonly ApiClientRow[];
  busy: boolean;
  onAction: (action: ApiClientAction) => void;
}

/** One row per API client: name, client ID, scopes, created, last used, status, and its actions while active. */
export function ApiClientsTable({ rows, busy, onAction }: Props) {
  return (
    <table className={busy ? 'busy' : undefined}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Client ID</th>
          <th scope="col">Scopes</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((client) => {
          const actions: MenuAction[] = [{ key: 'rotate', label: 'Rotate secret', onSelect: () => onAction({ kind: 'rotate', client }) }];
          if (client.previousSecretValidUntil) {
            actions.push({ key: 'retire', label: 'Retire old secret', onSelect: () => onAction({ kind: 'retire', client }) });
          }
          actions.push({ key: 'revoke', label: 'Revoke', danger: true, onSelect: () => onAction({ kind: 'revoke', client }) });
          return (
            <tr key={client.id}>
              <th scope="row">{client.name}</th>
              <td>
                <code>{client.clientId}</code>
              </td>
              <td>{client.scopes.join(', ')}</td>
              <td>
                {formatDateTime(client.createdAt)} by {client.createdBy}
              </td>
              <td>{client.lastUsedAt ? formatDateTime(client.lastUsedAt) : 'Never'}</td>
              <td>
                {client.status === 'revoked' && client.revokedAt ? `Revoked ${formatDateTime(client.revokedAt)}` : 'Active'}
                {client.previousSecretValidUntil && (
                  <div className="hint">Old secret works until {formatDateTime(client.previousSecretValidUntil)}</div>
                )}
              </td>
              <td>{client.status === 'active' && <ActionsMenu label={`Actions for ${client.name}`} actions={actions} />}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
