import { NavLink, useLocation } from 'react-router';
import { adminRoutes } from './adminRoutes';
import { isOperator } from './migration/OperatorsOnly';
import { useStaff } from './staff';

interface Entry {
  label: string;
  to: string;
  children?: Entry[];
}

const tree: Entry = {
  label: 'Settings',
  to: adminRoutes.settings,
  children: [
    {
      label: 'Account Administration',
      to: adminRoutes.accountAdministration,
      children: [
        { label: 'Users', to: adminRoutes.users, children: [{ label: 'Manage Users', to: adminRoutes.manageUsers }] },
        { label: 'Audit', to: adminRoutes.audit },
      ],
    },
  ],
};

/** Platform operators only: the migration batches. */
const migration: Entry = { label: 'Migration', to: adminRoutes.migration };

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
 * The admin area's left navigation: Settings > Account Administration > Users > Manage Users, and
 * Audit; Migration for platform operators.
 */
export function AdminNav() {
  const { pathname } = useLocation();
  const staff = useStaff();
  return (
    <nav aria-label="Admin" className="admin-nav">
      <ul>
        <Branch entry={tree} path={pathname} />
        {isOperator(staff.role) && <Branch entry={migration} path={pathname} />}
      </ul>
    </nav>
  );
}
