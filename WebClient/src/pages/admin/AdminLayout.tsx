import { useQuery } from '@tanstack/react-query';
import { Outlet } from 'react-router';
import { usePortalSession } from '../../auth/RequireAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PortalHeader } from '../../components/PortalHeader';
import { failureOf, staffQuery } from './adminApi';
import { AdminNav } from './AdminNav';
import { staffRoleLabel } from './format';
import { UpcomingBanner } from './migration/UpcomingBanner';
import { StaffContext } from './staff';

/** The admin frame: who is signed in and for which partner, the navigation, then the page. */
export function AdminLayout() {
  const { signOut } = usePortalSession();
  const me = useQuery(staffQuery());

  const logOut = (
    <button type="button" className="button secondary" onClick={signOut}>
      Log out
    </button>
  );

  if (me.isPending) return <p role="status" className="page-status">Loading the admin area…</p>;
  if (me.isError) {
    return (
      <>
        <title>Admin · End User Portal</title>
        <PortalHeader>{logOut}</PortalHeader>
        <main className="page narrow">
          <h1>Admin area</h1>
          <ErrorAlert failure={failureOf(me.error)} />
          <p className="hint">
            The admin area is for your IT provider&apos;s staff, signed in with Single Sign-On and an MFA code.
          </p>
        </main>
      </>
    );
  }

  const staff = me.data;
  return (
    <StaffContext value={staff}>
      <PortalHeader>
        <div className="staff">
          <p className="partner">{staff.partnerName ?? 'All partners'}</p>
          <p>
            {staff.name} · {staffRoleLabel(staff.role)}
          </p>
        </div>
        {logOut}
      </PortalHeader>
      <div className="admin">
        <AdminNav />
        <main className="admin-main">
          {staff.partnerId !== null && <UpcomingBanner />}
          <Outlet />
        </main>
      </div>
    </StaffContext>
  );
}
