import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { AdminHome } from './AdminHome';
import { AdminLayout } from './AdminLayout';
import { ApiClientsPage } from './apiClients/ApiClientsPage';
import { adminRoutes } from './adminRoutes';
import { AuditPage } from './audit/AuditPage';
import { BrandingPage } from './branding/BrandingPage';
import { PartiallyMigratedHelp } from './help/PartiallyMigratedHelp';
import { HomeUserManagementPage } from './home/HomeUserManagementPage';
import { BatchListPage } from './migration/BatchListPage';
import { BatchPage } from './migration/BatchPage';
import { CreateBatchPage } from './migration/CreateBatchPage';
import { SectionPage } from './SectionPage';
import { SystemStatusPage } from './status/SystemStatusPage';
import { AdminTicketListPage } from './tickets/AdminTicketListPage';
import { AdminTicketPage } from './tickets/AdminTicketPage';
import { ManageUsersPage } from './users/ManageUsersPage';
import { WebhookEndpointPage } from './webhooks/WebhookEndpointPage';
import { WebhooksPage } from './webhooks/WebhooksPage';
import '../../components/lists.css';
import './styles/index.css';

/** A route of adminRoutes relative to /admin, where this area is mounted. */
const within = (path: string) => path.slice(`${adminRoutes.home}/`.length);

function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // A failed call shows its sentence and a way to try again; it is not repeated behind the user's back.
      queries: { retry: false, staleTime: 10_000 },
      mutations: { retry: false },
    },
  });
}

/**
 * `/admin/*`, loaded as its own chunk. The query cache lives as long as this area is mounted, so
 * signing out (which unmounts it) leaves no admin data in memory.
 */
export default function AdminArea() {
  const [queryClient] = useState(newQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <Routes>
        <Route element={<AdminLayout />}>
          <Route index element={<AdminHome />} />
          <Route
            path={within(adminRoutes.settings)}
            element={
              <SectionPage title="Settings">
                <p>
                  Your company&apos;s settings for the End User Portal: your clients&apos; end users under Account
                  Administration, how the portal looks to them under Branding, and the events your systems receive under
                  Webhooks.
                </p>
              </SectionPage>
            }
          />
          <Route
            path={within(adminRoutes.accountAdministration)}
            element={
              <SectionPage title="Account Administration">
                <p>Your clients&apos; end users (Users) and the record of every change made to them (Audit).</p>
              </SectionPage>
            }
          />
          <Route
            path={within(adminRoutes.users)}
            element={
              <SectionPage title="Users">
                <p>
                  Add, edit, enable, disable and delete your clients&apos; end users, and see who is migrated to Single
                  Sign-On, in Manage Users.
                </p>
              </SectionPage>
            }
          />
          <Route path={within(adminRoutes.manageUsers)} element={<ManageUsersPage />} />
          <Route
            path={within(adminRoutes.homeSection)}
            element={
              <SectionPage title="Home">
                <p>
                  Your company&apos;s people on the platform&apos;s Single Sign-On and their roles in each product, in
                  User Management.
                </p>
              </SectionPage>
            }
          />
          <Route path={within(adminRoutes.homeUserManagement)} element={<HomeUserManagementPage />} />
          <Route path={within(adminRoutes.audit)} element={<AuditPage />} />
          <Route path={within(adminRoutes.branding)} element={<BrandingPage />} />
          <Route path={within(adminRoutes.webhooks)} element={<WebhooksPage />} />
          <Route path={within(adminRoutes.webhookEndpoint)} element={<WebhookEndpointPage />} />
          <Route path={within(adminRoutes.apiClients)} element={<ApiClientsPage />} />
          <Route path={within(adminRoutes.tickets)} element={<AdminTicketListPage />} />
          <Route path={within(adminRoutes.ticket)} element={<AdminTicketPage />} />
          <Route path={within(adminRoutes.status)} element={<SystemStatusPage />} />
          <Route path={within(adminRoutes.migrationHelp)} element={<PartiallyMigratedHelp />} />
          <Route path={within(adminRoutes.migration)} element={<BatchListPage />} />
          <Route path={within(adminRoutes.newBatch)} element={<CreateBatchPage />} />
          <Route path={within(adminRoutes.batch)} element={<BatchPage />} />
          <Route
            path="*"
            element={
              <>
                <h1>Page not found</h1>
                <p>
                  <Link to={adminRoutes.home}>Go to the admin area</Link>
                </p>
              </>
            }
          />
        </Route>
      </Routes>
    </QueryClientProvider>
  );
}
