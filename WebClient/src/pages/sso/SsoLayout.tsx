import { Outlet } from 'react-router';

/** The identity provider's screens: a neutral card, no product branding (the provider serves every product). */
export function SsoLayout() {
  return (
    <main className="sso">
      <title>Sign in</title>
      <div className="card">
        <Outlet />
      </div>
    </main>
  );
}
