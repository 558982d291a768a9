/** The admin area's addresses, following the seed's path Settings > Account Administration > Users > Manage Users. */
export const adminRoutes = {
  home: '/admin',
  settings: '/admin/settings',
  accountAdministration: '/admin/settings/account-administration',
  users: '/admin/settings/account-administration/users',
  manageUsers: '/admin/settings/account-administration/users/manage-users',
  audit: '/admin/settings/account-administration/audit',
  /** Partner admins: the portal's colour, logo and support contact for their end users. */
  branding: '/admin/settings/branding',
  /** Partner admins: endpoints that receive signed events, and each one's delivery log. */
  webhooks: '/admin/settings/webhooks',
  webhookEndpoint: '/admin/settings/webhooks/:id',
  /** Partner admins: the API clients their scripts call the admin API with. */
  apiClients: '/admin/settings/api-clients',
  /** Home: the platform's side of the partner's people (their single sign-on accounts and product roles). */
  homeSection: '/admin/home',
  /** All staff (technicians read only): the partner's people and their roles in each product. */
  homeUserManagement: '/admin/home/user-management',
  /** All staff: their clients' tickets. */
  tickets: '/admin/tickets',
  ticket: '/admin/tickets/:ticketId',
  /** Platform operators only: what the platform is made of and whether it answers. */
  status: '/admin/status',
  /** Partner staff: what each state of an unmarked user in Manage Users means, and what to do (linked from the banner). */
  migrationHelp: '/admin/help/partially-migrated',
  /** Platform operators only: the migration batches. */
  migration: '/admin/migration',
  newBatch: '/admin/migration/new',
  batch: '/admin/migration/batches/:id',
} as const;

/** Manage Users showing only the users the partner can fix before they move. */
export const needsAttentionUrl = `${adminRoutes.manageUsers}?needsAttention=true`;

/** The page of one migration batch. */
export const batchUrl = (id: string) => adminRoutes.batch.replace(':id', encodeURIComponent(id));

/** The page of one webhook endpoint. */
export const webhookEndpointUrl = (id: string) => adminRoutes.webhookEndpoint.replace(':id', encodeURIComponent(id));

/** The page of one ticket. */
export const adminTicketUrl = (id: string) => adminRoutes.ticket.replace(':ticketId', encodeURIComponent(id));
