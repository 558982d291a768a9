import { Outlet } from 'react-router';
import { usePortalSession } from '../../auth/RequireAuth';
import { PortalHeader } from '../../components/PortalHeader';

/** The signed-in frame: banner with Log out, then the page. */
export function PortalLayout() {
  const { signOut } = usePortalSession();
  return (
    <>
      <title>End User Portal</title>
      <PortalHeader>
        <button type="button" className="button secondary" onClick={signOut}>
          Log out
        </button>
      </PortalHeader>
      <main className="page">
        <Outlet />
      </main>
    </>
  );
}
