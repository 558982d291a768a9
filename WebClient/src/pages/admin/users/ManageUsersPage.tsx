import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { failureOf, useClients } from '../adminApi';
import type { BulkAction, EndUserRow } from '../adminTypes';
import { ConfirmDialog } from '../ConfirmDialog';
import { ExportButton } from '../ExportButton';
import { ScopedFunnel } from '../funnel/ScopedFunnel';
import { count } from '../format';
import { DataList } from '../../../components/DataList';
import { useStaff } from '../staff';
import { useLastPage } from '../useLastPage';
import { useUrlState } from '../../../components/useUrlState';
import { BulkDialog } from './BulkDialog';
import { ClientRemindersSwitch } from './ClientRemindersSwitch';
import type { RowAction } from './endUserActions';
import { endUserListQuery, exportEndUsers, useRowAction } from './endUsersApi';
import { EndUserDetails } from './EndUserDetails';
import { EndUserDialog } from './EndUserDialog';
import { endUserFilters, isFiltered, toEndUserExportQuery, toEndUserQuery, type SortKey } from './endUserFilters';
import { EndUserFiltersBar } from './EndUserFiltersBar';
import { EndUsersTable } from './EndUsersTable';

type Dialog =
  | { kind: 'add' }
  | { kind: 'edit' | 'details' | 'delete' | 'reset-mfa'; user: EndUserRow }
  | { kind: 'bulk'; action: BulkAction; users: EndUserRow[] };

/**
 * Settings > Account Administration > Users > Manage Users: the partner's end users, with the
 * Migrated to SSO column. Search, filters, sort and page are in the URL; the Api does the work.
 */
export function ManageUsersPage() {
  const staff = useStaff();
  const [filters, update] = useUrlState(endUserFilters);
  const query = toEndUserQuery(filters);
  const list = useQuery(endUserListQuery(query));
  const clients = useClients();
  const rowAction = useRowAction();

  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // The selection belongs to the view it was made in: another filter, sort or page starts empty.
  const viewKey = JSON.stringify(query);
  const [selection, setSelection] = useState<{ view: string; ids: ReadonlySet<string> }>({ view: viewKey, ids: new Set() });
  const selected = selection.view === viewKey ? selection.ids : new Set<string>();

  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  useLastPage(list, total, filters.page, filters.pageSize, (page) => update({ page }, { replace: true }));

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  function select(ids: string[], on: boolean) {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setSelection({ view: viewKey, ids: next });
  }

  function sort(key: SortKey) {
    update({ sort: key, desc: filters.sort === key ? !filters.desc : false, page: 1 });
  }

  function cancel() {
    rowAction.reset();
    setDialog(null);
  }

  function finish(message: string) {
    setDialog(null);
    setNotice(message);
  }

  function runRowAction(action: RowAction, user: EndUserRow) {
    setNotice(null);
    rowAction.mutate({ action, user }, { onSuccess: finish });
  }

  function onAction(action: RowAction | 'edit' | 'details', user: EndUserRow) {
    rowAction.reset();
    if (action === 'edit' || action === 'details' || action === 'delete' || action === 'reset-mfa') setDialog({ kind: action, user });
    else runRowAction(action, user);
  }

  const selectedUsers = rows.filter((row) => selected.has(row.id));
  const openBulk = (action: BulkAction) => {
    setNotice(null);
    setDialog({ kind: 'bulk', action, users: selectedUsers });
  };
  const closeBulk = () => {
    setDialog(null);
    setSelection({ view: viewKey, ids: new Set() });
  };
  const showPartner = staff.partnerId === null;
  const chosenClient = clients.data?.find((client) => client.id === filters.clientId);

  return (
    <>
      <title>Manage Users · Admin · End User Portal</title>
      <div className="page-title">
        <h1>Manage Users</h1>
        {staff.canManage && (
          <button
            type="button"
            className="button"
            disabled={!clients.data}
            onClick={() => {
              setNotice(null);
              setDialog({ kind: 'add' });
            }}
          >
            Add end user
          </button>
        )}
      </div>
      <p className="hint">
        A check mark in Migrated to SSO means the user signs in with Single Sign-On; the others use the portal&apos;s
        login form for now.
      </p>

      <EndUserFiltersBar filters={filters} clients={clients.data} showPartner={showPartner} onChange={update} />
      {staff.canManage && chosenClient && <ClientRemindersSwitch client={chosenClient} />}
      {clients.isError && <ErrorAlert failure={failureOf(clients.error)} />}
      {filters.clientId && (
        <ScopedFunnel
          title={`${clients.data?.find((client) => client.id === filters.clientId)?.name ?? 'This client'}: move to Single Sign-On`}
          scope={{ clientId: filters.clientId }}
          hideWhenEmpty
        />
      )}

      <div className="toolbar">
        <div className="actions" role="group" aria-label="Selected end users">
          <p className="selection">{selected.size === 0 ? 'None selected' : `${count(selected.size, 'end user', 'end users')} selected`}</p>
          {staff.canManage && (
            <button type="button" className="button secondary" disabled={selected.size === 0} onClick={() => openBulk('disable')}>
              Disable selected
            </button>
          )}
          <button
            type="button"
            className="button secondary"
            disabled={selected.size === 0}
            onClick={() => openBulk('resend-activation')}
          >
            Resend activation
          </button>
          <button type="button" className="button secondary" disabled={selected.size === 0} onClick={() => openBulk('send-reminder')}>
            Send reminder
          </button>
        </div>
        <ExportButton download={() => exportEndUsers(toEndUserExportQuery(filters))} />
      </div>

      {notice && (
        <p role="status" className="success" tabIndex={-1} ref={noticeRef}>
          {notice}
        </p>
      )}
      {!dialog && <ErrorAlert failure={failureOf(rowAction.error)} />}

      <DataList
        query={list}
        loading="Loading end users…"
        empty={isFiltered(filters) ? 'No end users match these filters.' : 'There are no end users yet.'}
        rows={(page) => page.items}
        pager={(page) => ({
          page: filters.page,
          pageSize: filters.pageSize,
          total: page.total,
          capped: page.totalIsCapped,
          noun: ['end user', 'end users'],
          onPage: (next) => update({ page: next }),
        })}
      >
        {(items, busy) => (
          <EndUsersTable
            rows={items}
            staff={staff}
            filters={filters}
            busy={busy}
            selected={selected}
            busyUserId={rowAction.isPending ? rowAction.variables.user.id : null}
            onSort={sort}
            onSelect={select}
            onAction={onAction}
          />
        )}
      </DataList>

      {dialog?.kind === 'add' && clients.data && (
        <EndUserDialog user={null} clients={clients.data} showPartner={showPartner} onSaved={finish} onCancel={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && (
        <EndUserDialog
          user={dialog.user}
          clients={clients.data ?? []}
          showPartner={showPartner}
          onSaved={finish}
          onCancel={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'details' && <EndUserDetails user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${dialog.user.name}?`}
          confirmLabel="Delete"
          danger
          busy={rowAction.isPending}
          failure={failureOf(rowAction.error)}
          onConfirm={() => runRowAction('delete', dialog.user)}
          onCancel={cancel}
        >
          <p>
            {dialog.user.name} ({dialog.user.email}) loses access to the End User Portal and is signed out at once. A
            Single Sign-On account they use for other products is kept.
          </p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'reset-mfa' && (
        <ConfirmDialog
          title={`Reset MFA of ${dialog.user.name}?`}
          confirmLabel="Reset MFA"
          busy={rowAction.isPending}
          failure={failureOf(rowAction.error)}
          onConfirm={() => runRowAction('reset-mfa', dialog.user)}
          onCancel={cancel}
        >
          <p>
            Their authenticator app, their passkeys and their recovery codes are removed, and they are signed out. At their
            next sign-in they set up a passkey or an authenticator app again. Do this only when you are sure who is asking.
          </p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'bulk' && <BulkDialog action={dialog.action} users={dialog.users} onClose={closeBulk} />}
    </>
  );
}
