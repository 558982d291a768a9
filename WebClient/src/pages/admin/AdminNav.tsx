import { NavLink, useLocation } from 'react-router';
import { adminRoutes } from './adminRoutes';

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

/** The admin area's left navigation: Settings > Account Administration > Users > Manage Users, and Audit. */
export function AdminNav() {
  const { pathname } = useLocation();
  return (
    <nav aria-label="Admin" className="admin-nav">
      <ul>
        <Branch entry={tree} path={pathname} />
      </ul>
    </nav>
  );
}
