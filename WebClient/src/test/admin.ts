import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import type { ClientSummary, EndUserPage, EndUserRow, StaffMe } from '../pages/admin/adminTypes';
import { json } from './api';
import { renderAt } from './render';

export const partnerAdmin: StaffMe = {
  name: 'Pat Partner',
  email: 'pat@northwind.example',
  role: 'partner-admin',
  partnerId: 'p-1',
  partnerName: 'Northwind MSP',
  canManage: true,
};

export const technician: StaffMe = { ...partnerAdmin, name: 'Tess Tech', role: 'partner-technician', canManage: false };

export const contoso: ClientSummary = {
  id: 'c-contoso',
  name: 'Contoso',
  partnerId: 'p-1',
  partnerName: 'Northwind MSP',
  migratedToSsoAt: '2024-03-15T10:00:00Z',
  endUsers: 2,
  migrated: 2,
  automaticReminders: true,
};

export const fabrikam: ClientSummary = {
  ...contoso,
  id: 'c-fabrikam',
  name: 'Fabrikam',
  migratedToSsoAt: null,
  endUsers: 1,
  migrated: 0,
};

export const ada: EndUserRow = {
  id: 'u-ada',
  name: 'Ada Lovelace',
  email: 'ada@contoso.example',
  clientId: contoso.id,
  clientName: 'Contoso',
  role: 'End User',
  enabled: true,
  locked: false,
  migratedToSso: true,
  migratedAt: '2024-03-15T10:00:00Z',
  ssoState: 'active',
  mfa: ['authenticator-app'],
  lastLoginAt: '2024-04-01T08:30:00Z',
  accessRequest: null,
  migration: null,
};

export const grace: EndUserRow = {
  ...ada,
  id: 'u-grace',
  name: 'Grace Hopper',
  email: 'grace@contoso.example',
  role: 'Client Manager',
  locked: true,
  ssoState: 'activation-pending',
  mfa: [],
  lastLoginAt: null,
};

export const bob: EndUserRow = {
  ...ada,
  id: 'u-bob',
  name: 'Bob Legacy',
  email: 'bob@fabrikam.example',
  clientId: fabrikam.id,
  clientName: 'Fabrikam',
  enabled: false,
  migratedToSso: false,
  migratedAt: null,
  ssoState: null,
  mfa: [],
  migration: { state: 'not-planned', scheduledAt: null, timeZone: null, reason: null, needsAttention: false },
};

export const page = (items: EndUserRow[], extra: Partial<EndUserPage> = {}): EndUserPage => ({
  items,
  page: 1,
  pageSize: 50,
  total: items.length,
  totalIsCapped: false,
  ...extra,
});

/** The answers every admin page needs: who is signed in, the clients, and the banner's planned migrations (none). */
export const adminBasics = (staff: StaffMe = partnerAdmin) => ({
  'GET /api/admin/me': () => json(staff),
  'GET /api/admin/clients': () => json([contoso, fabrikam]),
  'GET /api/admin/migration/upcoming': () => json([]),
});

export const manageUsersUrl = '/admin/settings/account-administration/users/manage-users';
export const auditUrl = '/admin/settings/account-administration/audit';

/** Opens an admin page and waits for the lazily loaded area to show its heading. */
export async function openAdmin(url: string, heading: string) {
  const view = renderAt(url);
  await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 5000 });
  return view;
}

/** The query string of a request, as a plain object. */
export const queryOf = (request: Request | undefined) => Object.fromEntries(new URL(request?.url ?? 'http://x/').searchParams);

/** Opens a Manage Users row's Actions menu (every action but Details is in it). */
export async function openRowActions(user: UserEvent, name: string) {
  await user.click(screen.getByRole('button', { name: `Actions for ${name}` }));
  return screen.getByRole('menu', { name: `Actions for ${name}` });
}

/** Picks one action of a row: "Disable", "Reset MFA", "Resend activation", "Ask again"… */
export async function pickRowAction(user: UserEvent, name: string, action: string) {
  const menu = await openRowActions(user, name);
  await user.click(within(menu).getByRole('menuitem', { name: action }));
}

/** The names of a row's actions, in order (the menu is closed again). */
export async function rowActionNames(user: UserEvent, name: string) {
  const menu = await openRowActions(user, name);
  const names = within(menu)
    .getAllByRole('menuitem')
    .map((item) => item.textContent ?? '');
  await user.keyboard('{Escape}');
  return names;
}
