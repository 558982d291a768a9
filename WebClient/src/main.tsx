import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { RouteLoading } from './components/RouteLoading';
import { LoginPage } from './pages/LoginPage';
import './styles/index.css';

// `/` is the page most visitors open first, and every way out of it is a full-page navigation (the
// OIDC redirect). So it renders on its own, and this first script holds only React and the login
// page: the router and every other page (App.tsx) load when another URL is opened, oidc-client-ts
// when a sign-in starts (auth/session.ts). Target: ≤ 80 KB gzip (docs/PERFORMANCE.md).
const App = lazy(() => import('./App'));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    {window.location.pathname === '/' ? (
      <LoginPage search={window.location.search} />
    ) : (
      <Suspense fallback={<RouteLoading />}>
        <App />
      </Suspense>
    )}
  </StrictMode>,
);
