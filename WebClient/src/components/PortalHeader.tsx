import type { ReactNode } from 'react';

/** The portal's simple banner: its name, and whatever actions the page adds (e.g. Log out). */
export function PortalHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="portal-header">
      <p className="brand">End User Portal</p>
      {children}
    </header>
  );
}
