import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Before sign-in a read happens once per page: a link's token may be single-use (activation),
      // and a failure shows its sentence rather than being repeated behind the user's back.
      queries: { retry: false, staleTime: Infinity, gcTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

/**
 * The query cache of the pages outside the portal and the admin area (activation, access requests,
 * the SSO login's authenticator set-up). Those areas have their own cache, dropped on sign-out.
 */
export function PublicQueries({ children }: { children: ReactNode }) {
  const [queryClient] = useState(newQueryClient);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
