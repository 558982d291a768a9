import { useState } from 'react';
import { TextField } from '../../../components/TextField';
import type { ClientSummary } from '../adminTypes';
import { count, formatDate } from '../format';

interface Props {
  clients: ClientSummary[];
  selected: ReadonlySet<string>;
  onChange: (selected: Set<string>) => void;
}

/** Clients grouped by partner, as the operator sees every partner's clients. */
function byPartner(clients: ClientSummary[]): [string, ClientSummary[]][] {
  const groups = new Map<string, ClientSummary[]>();
  for (const client of clients) groups.set(client.partnerName, [...(groups.get(client.partnerName) ?? []), client]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The batch's clients: one group of check boxes per partner, with a filter for long lists. A client
 * already on Single Sign-On has nobody left to move and cannot be chosen.
 */
export function ClientPicker({ clients, selected, onChange }: Props) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLocaleLowerCase();
  const shown = needle
    ? clients.filter((client) => `${client.name} ${client.partnerName}`.toLocaleLowerCase().includes(needle))
    : clients;

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  }

  return (
    <fieldset className="client-picker">
      <legend>Clients</legend>
      <p className="hint">{selected.size === 0 ? 'No client chosen yet.' : `${count(selected.size, 'client', 'clients')} chosen.`}</p>
      {clients.length > 8 && <TextField label="Filter clients" type="search" value={filter} onChange={setFilter} />}
      {shown.length === 0 && <p className="empty">{clients.length === 0 ? 'There are no clients.' : 'No client matches.'}</p>}
      {byPartner(shown).map(([partner, group]) => (
        <fieldset key={partner} className="partner-group">
          <legend>{partner}</legend>
          <ul>
            {group.map((client) => (
              <li key={client.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={selected.has(client.id)}
                    disabled={client.migratedToSsoAt !== null && !selected.has(client.id)}
                    onChange={(event) => toggle(client.id, event.target.checked)}
                  />{' '}
                  {client.name}{' '}
                  <span className="hint">
                    {client.migratedToSsoAt
                      ? `(on Single Sign-On since ${formatDate(client.migratedToSsoAt)})`
                      : `(${count(client.endUsers - client.migrated, 'end user', 'end users')} to move)`}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </fieldset>
  );
}
