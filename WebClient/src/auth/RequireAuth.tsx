import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { browser } from '../browser';
import { currentUser, forgetSession, renewSession, userManager } from './session';

interface PortalSession {
  signOut: () => Promise<void>;
}

const PortalSessionContext = createContext<PortalSession | null>(null);

export function usePortalSession(): PortalSession {
  const session = use(PortalSessionContext);
  if (!session) throw new Error('usePortalSession is used outside <RequireAuth>.');
  return session;
}

type Phase = 'signing-in' | 'signed-in' | 'signing-out';

/**
 * Renders the portal only once an access token is in memory. With none (a reload, a new tab) it
 * renews silently from the SSO session; without an SSO session the user goes back to `/`.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [phase, setPhase] = useState<Phase>('signing-in');
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const user = (await currentUser()) ?? (await renewSession());
      if (user) setPhase('signed-in');
      else await navigate('/', { replace: true });
    })();
  }, [navigate]);

  useEffect(() => {
    // A page restored from the back/forward cache keeps its old memory: start afresh instead,
    // so going back after logging out never shows portal data.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) browser.reload();
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, []);

  const signOut = useCallback(async () => {
    // Unmount the portal first: nothing of it stays in the page while the browser leaves.
    setPhase('signing-out');
    try {
      await (await userManager()).signoutRedirect();
    } catch {
      await forgetSession();
      browser.replace('/');
    }
  }, []);

  const session = useMemo(() => ({ signOut }), [signOut]);

  if (phase === 'signing-in') return <p role="status" className="page-status">Signing you in…</p>;
  if (phase === 'signing-out') return <p role="status" className="page-status">Signing you out…</p>;
  return <PortalSessionContext value={session}>{children}</PortalSessionContext>;
}
