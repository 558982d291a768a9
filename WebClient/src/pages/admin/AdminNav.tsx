import { NavLink, useLocation } from 'react-router';
import { adminRoutes } from './adminRoutes';
import { isOperator } from './migration/OperatorsOnly';
import type { StaffMe } from './adminTypes';
import { useStaff } from './staff';

interface Entry {
  label: string;
  to: string;
  children?: Entry[];
}

const accountAdministration: Entry = {
  label: 'Account Administration',
  to: adminRoutes.accountAdministration,
  children: [
    { label: 'Users', to: adminRoutes.users, children: [{ label: 'Manage Users', to: adminRoutes.manageUsers }] },
    { label: 'Audit', to: adminRoutes.audit },
  ],
};

/** Partner admins only: how the portal looks to their end users. */
const branding: Entry = { label: 'Branding', to: adminRoutes.branding };
const webhooks: Entry = { label: 'Webhooks', to: adminRoutes.webhooks };

/** Partner admins only: the API clients their scripts and provisioning tools use. */
const apiClients: Entry = { label: 'API clients', to: adminRoutes.apiClients };

const settings = (staff: StaffMe): Entry => ({
  label: 'Settings',
  to: adminRoutes.settings,
  children: staff.canManage && staff.partnerId !== null ? [accountAdministration, branding, apiClients, webhooks] : [accountAdministration],
});

/** Every staff member: the partner's people on Single Sign-On and their product roles (technicians read only). */
const home: Entry = {
  label: 'Home',
  to: adminRoutes.homeSection,
  children: [{ label: 'User Management', to: adminRoutes.homeUserManagement }],
};

/** Every staff member: their clients' tickets. */
const tickets: Entry = { label: 'Tickets', to: adminRoutes.tickets };

/** Platform operators only: the migration batches and the platform's status. */
const migration: Entry = { label: 'Migration', to: adminRoutes.migration };
const systemStatus: Entry = { label: 'System status', to: adminRoutes.status };

const isWithin = (path: string, to: string) => path === to || path.startsWith(`${to}/`);

function Branch({ entry, path }: { entry: Entry; path: string }) {
  // Only the branch being visited is open, as in the seed: Settings, then Account Administration, then Users.
  const open = entry.children && isWithin(path, entry.to);
  return (
    <li>
      <NavLink to={entry.to} end>
        {entry.label}
      </NavLink>
      {open && (
        <ul>
          {entry.children?.map((child) => (
            <Branch key={child.to} entry={child} path={path} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The admin area's left navigation: Home > User Management; Tickets; Settings > Account Administration > Users > Manage Users,
 * and Audit (and Branding for partner admins); Migration and System status for platform operators.
 */
export function AdminNav() {
  const { pathname } = useLocation();
  const staff = useStaff();
  return (
    <nav aria-label="Admin" className="admin-nav">
      <ul>
        <Branch entry={home} path={pathname} />
        <Branch entry={tickets} path={pathname} />
        <Branch entry={settings(staff)} path={pathname} />
        {isOperator(staff.role) && <Branch entry={migration} path={pathname} />}
        {isOperator(staff.role) && <Branch entry={systemStatus} path={pathname} />}
      </ul>
    </nav>
  );
}
