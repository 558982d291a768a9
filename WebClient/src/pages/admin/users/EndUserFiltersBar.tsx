import { useEffect, useEffectEvent, useState } from 'react';
import { SelectField, type Option } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import type { ClientSummary } from '../adminTypes';
import { ssoStateLabels } from '../format';
import { isFiltered, type EndUserFilters } from './endUserFilters';

/** How long typing may pause before the search is sent. */
export const searchDelayMs = 300;

interface Props {
  filters: EndUserFilters;
  clients: ClientSummary[] | undefined;
  showPartner: boolean;
  onChange: (change: Partial<EndUserFilters>, options?: { replace?: boolean }) => void;
}

/** The search box: what the user types goes to the URL (and so to the Api) once typing pauses. */
function SearchField({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The URL changed from elsewhere (Back, Clear filters): show its search.
    setShown(value);
    setText(value);
  }

  const search = useEffectEvent(onSearch);
  useEffect(() => {
    if (text.trim() === value) return undefined;
    const timer = setTimeout(() => search(text.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text, value]);

  return (
    <TextField
      label="Search"
      type="search"
      hint="Name or e-mail"
      maxLength={200}
      value={text}
      onChange={setText}
    />
  );
}

const all = { value: '', label: 'All' };

/** Search and filters of Manage Users; every change starts again at page 1. */
export function EndUserFiltersBar({ filters, clients, showPartner, onChange }: Props) {
  const clientOptions: Option[] = [
    { value: '', label: clients ? 'All clients' : 'Loading clients…' },
    ...(clients ?? []).map((client) => ({
      value: client.id,
      label: showPartner ? `${client.name} (${client.partnerName})` : client.name,
    })),
  ];
  const set = (change: Partial<EndUserFilters>) => onChange({ ...change, page: 1 });

  return (
    <div role="search" aria-label="Filter end users" className="filters">
      <SearchField value={filters.search} onSearch={(search) => onChange({ search, page: 1 }, { replace: true })} />
      <SelectField label="Client" value={filters.clientId} options={clientOptions} onChange={(clientId) => set({ clientId })} />
      <SelectField
        label="Status"
        value={filters.status}
        options={[all, { value: 'enabled', label: 'Enabled' }, { value: 'disabled', label: 'Disabled' }]}
        onChange={(status) => set({ status: status as EndUserFilters['status'] })}
      />
      <SelectField
        label="Migrated to SSO"
        value={filters.migrated}
        options={[all, { value: 'true', label: 'Migrated' }, { value: 'false', label: 'Not migrated' }]}
        onChange={(migrated) => set({ migrated: migrated as EndUserFilters['migrated'] })}
      />
      <SelectField
        label="SSO state"
        value={filters.ssoState}
        options={[all, ...Object.entries(ssoStateLabels).map(([value, label]) => ({ value, label }))]}
        onChange={(ssoState) => set({ ssoState: ssoState as EndUserFilters['ssoState'] })}
      />
      {isFiltered(filters) && (
        <button
          type="button"
          className="button secondary"
          onClick={() => set({ search: '', clientId: '', status: '', migrated: '', ssoState: '' })}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
