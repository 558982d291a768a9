import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Route, Routes } from 'react-router';
import { NotFound } from '../../components/NotFound';
import { DeviceListPage } from './devices/DeviceListPage';
import { DevicePage } from './devices/DevicePage';
import { EditProfile } from './EditProfile';
import { HelpPage } from './HelpPage';
import { PortalHome } from './PortalHome';
import { PortalLayout } from './PortalLayout';
import { portalRoutes } from './portalRoutes';
import { NewTicketPage } from './tickets/NewTicketPage';
import { TicketListPage } from './tickets/TicketListPage';
import { TicketPage } from './tickets/TicketPage';
import '../../components/lists.css';
import './portal.css';

/** A route of portalRoutes relative to /portal, where this area is mounted. */
const within = (path: string) => path.slice(`${portalRoutes.home}/`.length);

function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // A failed call shows its sentence; it is not repeated behind the user's back.
      queries: { retry: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}

/**
 * `/portal/*`, loaded as its own chunk so the login page's script stays small. The query cache lives
 * as long as the portal is mounted: signing out (which unmounts it) leaves no portal data in memory.
 */
export default function PortalArea() {
  const [queryClient] = useState(newQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <Routes>
        <Route element={<PortalLayout />}>
          <Route index element={<PortalHome />} />
          <Route path={within(portalRoutes.tickets)} element={<TicketListPage />} />
          <Route path={within(portalRoutes.newTicket)} element={<NewTicketPage />} />
          <Route path={within(portalRoutes.ticket)} element={<TicketPage />} />
          <Route path={within(portalRoutes.devices)} element={<DeviceListPage />} />
          <Route path={within(portalRoutes.device)} element={<DevicePage />} />
          <Route path={within(portalRoutes.help)} element={<HelpPage />} />
          <Route path={within(portalRoutes.profile)} element={<EditProfile />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </QueryClientProvider>
  );
}
