import { SelectField, type Option } from '../../../components/SelectField';
import { SearchField } from '../../../components/SearchField';
import type { ClientSummary } from '../adminTypes';
import { ssoStateLabels } from '../format';
import { isFiltered, type EndUserFilters } from './endUserFilters';

interface Props {
  filters: EndUserFilters;
  clients: ClientSummary[] | undefined;
  showPartner: boolean;
  onChange: (change: Partial<EndUserFilters>, options?: { replace?: boolean }) => void;
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
      <SearchField hint="Name or e-mail" value={filters.search} onSearch={(search) => onChange({ search, page: 1 }, { replace: true })} />
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
      <label className="checkbox attention-filter">
        <input
          type="checkbox"
          checked={filters.needsAttention === 'true'}
          onChange={(event) => set({ needsAttention: event.target.checked ? 'true' : '' })}
        />
        Needs attention
      </label>
      {isFiltered(filters) && (
        <button
          type="button"
          className="button secondary"
          onClick={() => set({ search: '', clientId: '', status: '', migrated: '', ssoState: '', needsAttention: '' })}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
