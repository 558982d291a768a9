import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ada, adminBasics, contoso, fabrikam, manageUsersUrl, openAdmin, page, pickRowAction } from '../../test/admin';
import { empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { table } from './ManageUsers.testSupport';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('Manage Users: the add and edit dialogs', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('adds an end user and says which e-mail was sent', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([ada])),
      'POST /api/admin/end-users': () => json({ id: 'u-new' }, 201),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await user.click(screen.getByRole('button', { name: 'Add end user' }));
    let dialog = await screen.findByRole('dialog', { name: 'Add end user' });
    await user.selectOptions(within(dialog).getByLabelText('Client'), 'Contoso');
    await user.type(within(dialog).getByLabelText('Name'), 'Alan Turing');
    await user.type(within(dialog).getByLabelText('Email'), 'alan@contoso.example');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Client Manager');
    await user.click(within(dialog).getByRole('button', { name: 'Add end user' }));

    expect(await screen.findByText('Alan Turing was added. An activation e-mail was sent.')).toBeVisible();
    expect(await server.lastBody('POST /api/admin/end-users')).toEqual({
      clientId: contoso.id,
      name: 'Alan Turing',
      email: 'alan@contoso.example',
      role: 'Client Manager',
    });

    await user.click(screen.getByRole('button', { name: 'Add end user' }));
    dialog = await screen.findByRole('dialog', { name: 'Add end user' });
    await user.selectOptions(within(dialog).getByLabelText('Client'), fabrikam.name);
    await user.type(within(dialog).getByLabelText('Name'), 'Linus');
    await user.type(within(dialog).getByLabelText('Email'), 'linus@fabrikam.example');
    await user.click(within(dialog).getByRole('button', { name: 'Add end user' }));

    expect(await screen.findByText('Linus was added. A set-password e-mail was sent.')).toBeVisible();
  });

  it("keeps the add dialog open with the Api's sentence when the e-mail is taken", async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([ada])),
      'POST /api/admin/end-users': () => problem(409, { title: 'Conflict', detail: 'An end user with this e-mail already exists.' }),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await user.click(screen.getByRole('button', { name: 'Add end user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add end user' });
    await user.selectOptions(within(dialog).getByLabelText('Client'), 'Contoso');
    await user.type(within(dialog).getByLabelText('Name'), 'Ada Again');
    await user.type(within(dialog).getByLabelText('Email'), 'ada@contoso.example');
    await user.click(within(dialog).getByRole('button', { name: 'Add end user' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('An end user with this e-mail already exists.');
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Ada Again');
  });

  it('edits a user with the same fields, filled in', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([ada])),
      'PUT /api/admin/end-users/u-ada': () => empty(204),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await pickRowAction(user, 'Ada Lovelace', 'Edit');
    const dialog = screen.getByRole('dialog', { name: 'Edit Ada Lovelace' });
    expect(within(dialog).getByLabelText('Email')).toHaveValue('ada@contoso.example');
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Ada King');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes to Ada King were saved.')).toBeVisible();
    expect(await server.lastBody('PUT /api/admin/end-users/u-ada')).toEqual({
      clientId: contoso.id,
      name: 'Ada King',
      email: 'ada@contoso.example',
      role: 'End User',
    });
  });
});
