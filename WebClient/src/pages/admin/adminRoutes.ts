/** The admin area's addresses, following the seed's path Settings > Account Administration > Users > Manage Users. */
export const adminRoutes = {
  home: '/admin',
  settings: '/admin/settings',
  accountAdministration: '/admin/settings/account-administration',
  users: '/admin/settings/account-administration/users',
  manageUsers: '/admin/settings/account-administration/users/manage-users',
  audit: '/admin/settings/account-administration/audit',
} as const;
