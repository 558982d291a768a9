import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adminBasics, openAdmin, pickRowAction, rowActionNames, technician } from '../../test/admin';
import { empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import type { ApiClientPage, ApiClientRow } from './adminTypes';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const url = '/admin/settings/api-clients';

const sync: ApiClientRow = {
  id: 'c-sync',
  name: 'Nightly HR sync',
  clientId: 'apc-0123',
  scopes: ['admin.read', 'admin.write'],
  createdAt: '2026-11-02T09:00:00Z',
  createdBy: 'Pat Partner',
  secretRotatedAt: null,
  previousSecretValidUntil: null,
  lastUsedAt: null,
  revokedAt: null,
  status: 'active',
};

const clients = (items: ApiClientRow[]): ApiClientPage => ({ items, page: 1, pageSize: 20, total: items.length });
const rowOf = async (name: string) => (await screen.findByRole('rowheader', { name })).closest('tr')!;

describe('Settings > API clients', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('is in the navigation for partner admins and lists the API clients with their scopes and status', async () => {
    mockApi({ ...adminBasics(), 'GET /api/admin/api-clients': () => json(clients([sync, { ...sync, id: 'c-old', name: 'Old tool', status: 'revoked', revokedAt: '2026-11-03T09:00:00Z' }])) });

    await openAdmin(url, 'API clients');

    const nav = screen.getByRole('navigation', { name: 'Admin' });
    expect(within(nav).getByRole('link', { name: 'API clients' })).toHaveAttribute('aria-current', 'page');
    const row = await rowOf('Nightly HR sync');
    expect(row).toHaveTextContent('admin.read, admin.write');
    expect(row).toHaveTextContent('Never');
    expect(row).toHaveTextContent('Active');
    expect(await rowOf('Old tool')).toHaveTextContent('Revoked');
    expect(within(await rowOf('Old tool')).queryByRole('button', { name: /Actions/ })).toBeNull();
  });

  it('creates an API client with a name and scopes, then shows its secret once with a copy button', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/api-clients': () => json(clients([])),
      'POST /api/admin/api-clients': () => json({ apiClient: sync, clientSecret: 'the-secret-shown-once' }, 201),
    });
    const { user } = await openAdmin(url, 'API clients');
    expect(await screen.findByText('You have no API clients yet.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Create API client' }));
    const dialog = screen.getByRole('dialog', { name: 'Create API client' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'Nightly HR sync');
    const scopes = within(dialog).getByRole('group', { name: 'Scopes' });
    await user.click(within(scopes).getByRole('checkbox', { name: /admin\.write/ }));
    await user.click(within(scopes).getByRole('checkbox', { name: /admin\.read/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create API client' }));

    const shown = await screen.findByRole('dialog', { name: 'API client “Nightly HR sync” created' });
    expect(within(shown).getByText('the-secret-shown-once')).toBeVisible();
    expect(within(shown).getByText('You will not see it again')).toBeVisible();
    expect(within(shown).getByRole('button', { name: 'Copy secret' })).toBeVisible();
    expect(await server.lastBody('POST /api/admin/api-clients')).toEqual({ name: 'Nightly HR sync', scopes: ['admin.read', 'admin.write'] });

    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('the-secret-shown-once')).toBeNull();
  });

  it("shows the Api's sentence in the form when it refuses, and keeps the form open", async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/api-clients': () => json(clients([])),
      'POST /api/admin/api-clients': () =>
        problem(409, { title: 'Too many API clients', detail: 'Your company already has 20 active API clients, the most allowed.' }),
    });
    const { user } = await openAdmin(url, 'API clients');

    await user.click(await screen.findByRole('button', { name: 'Create API client' }));
    const dialog = screen.getByRole('dialog', { name: 'Create API client' });
    await user.type(within(dialog).getByLabelText(/^Name/), 'One more');
    await user.click(within(dialog).getByRole('checkbox', { name: /scim/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create API client' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('20 active API clients');
    expect(screen.getByRole('dialog', { name: 'Create API client' })).toBeVisible();
  });

  it('rotates the secret after a confirmation and says until when the old one works; then offers to retire it', async () => {
    let current = sync;
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/api-clients': () => json(clients([current])),
      'POST /api/admin/api-clients/c-sync/rotate-secret': () => {
        current = { ...sync, previousSecretValidUntil: '2026-11-09T09:00:00Z' };
        return json({ apiClient: current, clientSecret: 'the-new-secret' });
      },
      'POST /api/admin/api-clients/c-sync/retire-old-secret': () => json(sync),
    });
    const { user } = await openAdmin(url, 'API clients');
    await rowOf('Nightly HR sync');
    expect(await rowActionNames(user, 'Nightly HR sync')).toEqual(['Rotate secret', 'Revoke']);

    await pickRowAction(user, 'Nightly HR sync', 'Rotate secret');
    await user.click(within(screen.getByRole('dialog', { name: /Rotate the secret/ })).getByRole('button', { name: 'Rotate secret' }));

    const shown = await screen.findByRole('dialog', { name: 'New secret for “Nightly HR sync”' });
    expect(within(shown).getByText('the-new-secret')).toBeVisible();
    expect(within(shown).getByText(/The old secret keeps working until/)).toBeVisible();
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    await waitFor(async () => expect(await rowActionNames(user, 'Nightly HR sync')).toEqual(['Rotate secret', 'Retire old secret', 'Revoke']));

    await pickRowAction(user, 'Nightly HR sync', 'Retire old secret');
    await user.click(within(screen.getByRole('dialog', { name: /Retire the old secret/ })).getByRole('button', { name: 'Retire old secret' }));
    expect(await screen.findByRole('status')).toHaveTextContent('no longer works');
    expect(server.requests('POST /api/admin/api-clients/c-sync/retire-old-secret')).toHaveLength(1);
  });

  it("revokes after a confirmation, and shows the Api's sentence in the dialog if it refuses", async () => {
    let refuse = true;
    mockApi({
      ...adminBasics(),
      'GET /api/admin/api-clients': () => json(clients([sync])),
      'POST /api/admin/api-clients/c-sync/revoke': () =>
        refuse ? problem(404, { title: 'API client not found', detail: "This API client does not exist, or it is not one of your company's." }) : empty(204),
    });
    const { user } = await openAdmin(url, 'API clients');
    await rowOf('Nightly HR sync');

    await pickRowAction(user, 'Nightly HR sync', 'Revoke');
    const dialog = screen.getByRole('dialog', { name: 'Revoke “Nightly HR sync”?' });
    expect(dialog).toHaveTextContent('stops working at once');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent("not one of your company's");

    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByRole('status')).toHaveTextContent('is revoked');
  });

  it('is not offered to technicians', async () => {
    mockApi({ ...adminBasics(technician), 'GET /api/admin/api-clients': () => json(clients([])) });

    await openAdmin(url, 'API clients');

    expect(screen.getByText('Only a partner admin can manage API clients.')).toBeVisible();
    expect(within(screen.getByRole('navigation', { name: 'Admin' })).queryByRole('link', { name: 'API clients' })).toBeNull();
  });
});
