import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { DataList } from '../../../components/DataList';
import { SearchField } from '../../../components/SearchField';
import { useUrlState } from '../../../components/useUrlState';
import type { HomeUserProductRoles, HomeUserRow } from '../adminTypes';
import { useStaff } from '../staff';
import { useLastPage } from '../useLastPage';
import { EditRolesDialog } from './EditRolesDialog';
import { homeUserListQuery } from './homeUsersApi';
import { homeUserFilters, toHomeUserQuery } from './homeUserFilters';
import { HomeUsersTable } from './HomeUsersTable';

/**
 * Home > User Management: the partner's people on Single Sign-On — its staff, and end users who
 * already had an account there with another product's role before their migration — with their
 * roles per product. Partner admins edit the roles; technicians read.
 */
export function HomeUserManagementPage() {
  const staff = useStaff();
  const [filters, update] = useUrlState(homeUserFilters);
  const query = toHomeUserQuery(filters);
  const list = useQuery(homeUserListQuery(query));
  const [editing, setEditing] = useState<{ person: HomeUserRow; product: HomeUserProductRoles } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const total = list.data?.total ?? 0;
  useLastPage(list, total, filters.page, filters.pageSize, (page) => update({ page }, { replace: true }));

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <>
      <title>User Management · Home · Admin · End User Portal</title>
      <div className="page-title">
        <h1>User Management</h1>
      </div>
      <p className="hint">
        Your people on Single Sign-On and their roles in each product: your staff, and end users who already had a
        Single Sign-On account with another product&apos;s role before their migration. Your clients&apos; other end
        users are managed in Manage Users.
      </p>
      {!staff.canManage && <p className="hint">Only a partner admin can change roles.</p>}

      <SearchField value={filters.search} hint="Name or e-mail" onSearch={(search) => update({ search, page: 1 }, { replace: true })} />

      {notice && (
        <p role="status" className="success" tabIndex={-1} ref={noticeRef}>
          {notice}
        </p>
      )}

      <DataList
        query={list}
        loading="Loading people…"
        empty={filters.search ? 'No one matches this search.' : 'There is no one here yet.'}
        rows={(page) => page.items}
        pager={(page) => ({
          page: filters.page,
          pageSize: filters.pageSize,
          total: page.total,
          noun: ['person', 'people'],
          onPage: (next) => update({ page: next }),
        })}
      >
        {(rows, busy) => (
          <HomeUsersTable
            rows={rows}
            canEdit={staff.canManage}
            busy={busy}
            onEdit={(person, product) => {
              setNotice(null);
              setEditing({ person, product });
            }}
          />
        )}
      </DataList>

      {editing && (
        <EditRolesDialog
          person={editing.person}
          product={editing.product}
          onSaved={(message) => {
            setEditing(null);
            setNotice(message);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </>
  );
}
