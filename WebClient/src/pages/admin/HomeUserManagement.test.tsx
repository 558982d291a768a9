import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adminBasics, openAdmin, queryOf, technician } from '../../test/admin';
import { json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import type { HomeUserPage, HomeUserRow } from './adminTypes';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const url = '/admin/home/user-management';
const rmm = (roles: string[]) => ({
  clientId: 'rmm-console',
  productName: 'RMM Console',
  roles,
  assignableRoles: ['rmm-technician', 'rmm-admin'],
});

const liam: HomeUserRow = {
  id: 'u-liam',
  kind: 'end-user',
  name: 'Liam Linked',
  email: 'liam.linked@wingtip.test',
  clientName: 'Wingtip Toys',
  products: [rmm(['rmm-technician'])],
};

const pat: HomeUserRow = {
  id: 's-pat',
  kind: 'staff',
  name: 'Pat Partner',
  email: 'pat@northwind.example',
  clientName: null,
  products: [rmm([])],
};

const people = (items: HomeUserRow[]): HomeUserPage => ({ items, page: 1, pageSize: 50, total: items.length });
const table = () => screen.findByRole('table', { name: 'People on Single Sign-On' });
const rowOf = async (name: string) => (await within(await table()).findByRole('rowheader', { name })).closest('tr')!;

describe('Home > User Management', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('is in the navigation and lists staff and linked end users with their roles per product', async () => {
    const server = mockApi({ ...adminBasics(), 'GET /api/admin/home-users': () => json(people([liam, pat])) });

    await openAdmin(url, 'User Management');

    const nav = screen.getByRole('navigation', { name: 'Admin' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toBeVisible();
    expect(within(nav).getByRole('link', { name: 'User Management' })).toHaveAttribute('aria-current', 'page');
    expect(within(await table()).getByRole('columnheader', { name: 'RMM Console' })).toBeVisible();
    const liamRow = await rowOf('Liam Linked');
    expect(liamRow).toHaveTextContent('End user');
    expect(liamRow).toHaveTextContent('Wingtip Toys');
    expect(within(liamRow).getByRole('cell', { name: 'rmm-technician' })).toBeVisible();
    const patRow = await rowOf('Pat Partner');
    expect(patRow).toHaveTextContent('Staff');
    expect(within(patRow).getByRole('cell', { name: 'No role' })).toBeVisible();
    expect(queryOf(server.requests('GET /api/admin/home-users')[0])).toEqual({ page: '1', pageSize: '50' });
  });

  it('edits roles with a checkbox per assignable role and shows the saved roles', async () => {
    let current = liam;
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/home-users': () => json(people([current])),
      'PUT /api/admin/home-users/u-liam/products/rmm-console/roles': async (request) => {
        const { roles } = (await request.json()) as { roles: string[] };
        current = { ...liam, products: [rmm(roles)] };
        return json(current);
      },
    });
    const { user } = await openAdmin(url, 'User Management');

    await user.click(within(await rowOf('Liam Linked')).getByRole('button', { name: 'Edit roles of Liam Linked in the RMM Console' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit roles of Liam Linked' });
    const roles = within(dialog).getByRole('group', { name: 'Roles in the RMM Console' });
    expect(within(roles).getByRole('checkbox', { name: 'rmm-technician' })).toBeChecked();
    expect(within(roles).getByRole('checkbox', { name: 'rmm-admin' })).not.toBeChecked();
    await user.click(within(roles).getByRole('checkbox', { name: 'rmm-technician' }));
    await user.click(within(roles).getByRole('checkbox', { name: 'rmm-admin' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save roles' }));

    expect(await screen.findByRole('status')).toHaveTextContent('The roles of Liam Linked in the RMM Console were saved.');
    expect(await server.lastBody('PUT /api/admin/home-users/u-liam/products/rmm-console/roles')).toEqual({ roles: ['rmm-admin'] });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(async () => expect(within(await rowOf('Liam Linked')).getByRole('cell', { name: 'rmm-admin' })).toBeVisible());
  });

  it("shows the Api's sentence when it refuses and keeps the dialog open", async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/home-users': () => json(people([liam])),
      'PUT /api/admin/home-users/u-liam/products/rmm-console/roles': () =>
        problem(404, { title: 'Person not found', detail: "This person does not exist, or is not one of your company's people in User Management." }),
    });
    const { user } = await openAdmin(url, 'User Management');

    await user.click(within(await rowOf('Liam Linked')).getByRole('button', { name: /Edit roles/ }));
    await user.click(screen.getByRole('button', { name: 'Save roles' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('is not one of your company');
    expect(screen.getByRole('dialog', { name: 'Edit roles of Liam Linked' })).toBeVisible();
  });

  it('lets technicians read roles but not edit them', async () => {
    mockApi({ ...adminBasics(technician), 'GET /api/admin/home-users': () => json(people([liam, pat])) });

    await openAdmin(url, 'User Management');

    expect(within(await rowOf('Liam Linked')).getByRole('cell', { name: 'rmm-technician' })).toBeVisible();
    expect(screen.queryByRole('button', { name: /Edit roles/ })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).toBeNull();
    expect(screen.getByText('Only a partner admin can change roles.')).toBeVisible();
  });

  it('sends the typed search, back at page 1, and says when no one matches', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/home-users': (request) => json(people(queryOf(request).search ? [] : [liam])),
    });
    const { user } = await openAdmin(`${url}?page=2`, 'User Management');

    await user.type(screen.getByLabelText('Search'), 'nobody');

    expect(await screen.findByText('No one matches this search.')).toBeVisible();
    expect(queryOf(server.requests('GET /api/admin/home-users').at(-1))).toEqual({ search: 'nobody', page: '1', pageSize: '50' });
  });
});
