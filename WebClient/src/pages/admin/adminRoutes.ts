/** The admin area's addresses, following the seed's path Settings > Account Administration > Users > Manage Users. */
export const adminRoutes = {
  home: '/admin',
  settings: '/admin/settings',
  accountAdministration: '/admin/settings/account-administration',
  users: '/admin/settings/account-administration/users',
  manageUsers: '/admin/settings/account-administration/users/manage-users',
  audit: '/admin/settings/account-administration/audit',
  /** Platform operators only: the migration batches. */
  migration: '/admin/migration',
  newBatch: '/admin/migration/new',
  batch: '/admin/migration/batches/:id',
} as const;

/** The page of one migration batch. */
export const batchUrl = (id: string) => adminRoutes.batch.replace(':id', encodeURIComponent(id));
