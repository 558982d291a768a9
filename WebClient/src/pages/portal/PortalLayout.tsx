import { NavLink, Outlet } from 'react-router';
import { usePortalSession } from '../../auth/RequireAuth';
import { PortalHeader } from '../../components/PortalHeader';
import { bannerStyle } from '../../components/brandColors';
import { portalRoutes } from './portalRoutes';
import { useMe } from './portalApi';

const entries = [
  { label: 'Home', to: portalRoutes.home, end: true },
  { label: 'Tickets', to: portalRoutes.tickets, end: false },
  { label: 'Devices', to: portalRoutes.devices, end: false },
  { label: 'Help', to: portalRoutes.help, end: false },
  { label: 'Edit Profile', to: portalRoutes.profile, end: false },
] as const;

/** The partner's logo and name, once the portal knows who is signed in; the portal's own name until then. */
function Brand() {
  const me = useMe();
  if (!me.isSuccess) return <>End User Portal</>;
  const { partnerName, logoUrl } = me.data.branding;
  return (
    <>
      {logoUrl && <img className="brand-logo" src={logoUrl} alt={partnerName} height={32} />}
      <span>{partnerName}</span>
    </>
  );
}

/** The signed-in frame: the partner's banner with the navigation and Log out, then the page. */
export function PortalLayout() {
  const { signOut } = usePortalSession();
  const me = useMe();
  const style = me.isSuccess ? bannerStyle(me.data.branding.color) : undefined;

  return (
    <>
      <PortalHeader brand={<Brand />} style={style}>
        <nav aria-label="Portal" className={style ? 'portal-nav branded' : 'portal-nav'}>
          <ul>
            {entries.map((entry) => (
              <li key={entry.to}>
                <NavLink to={entry.to} end={entry.end}>
                  {entry.label}
                </NavLink>
              </li>
            ))}
            <li>
              <button type="button" className="button secondary" onClick={signOut}>
                Log out
              </button>
            </li>
          </ul>
        </nav>
      </PortalHeader>
      <main className="page">
        <Outlet />
      </main>
    </>
  );
}
