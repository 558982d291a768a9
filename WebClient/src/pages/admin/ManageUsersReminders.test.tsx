import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ada, adminBasics, bob, contoso, fabrikam, grace, manageUsersUrl, openAdmin, page, pickRowAction, rowActionNames, technician } from '../../test/admin';
import { empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import type { EndUserRow } from './adminTypes';
import { table } from './ManageUsers.testSupport';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

/** Migrated and activated, but no authenticator yet. */
const linus: EndUserRow = { ...ada, id: 'u-linus', name: 'Linus Torvalds', email: 'linus@contoso.example', ssoState: 'mfa-not-enrolled' };

describe('Manage Users: reminders to users stuck after their move to SSO', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('offers Send reminder only on migrated users who have not activated or not set up an authenticator', async () => {
    mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([ada, grace, linus, bob])) });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    expect(await rowActionNames(user, 'Grace Hopper')).toContain('Send reminder');
    expect(await rowActionNames(user, 'Linus Torvalds')).toContain('Send reminder');
    expect(await rowActionNames(user, 'Ada Lovelace')).not.toContain('Send reminder');
    expect(await rowActionNames(user, 'Bob Legacy')).not.toContain('Send reminder');
  });

  it('says what the reminder asked for: activating with a fresh link, or setting up an authenticator', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([grace, linus])),
      'POST /api/admin/end-users/u-grace/send-reminder': () => empty(202),
      'POST /api/admin/end-users/u-linus/send-reminder': () => empty(202),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await pickRowAction(user, 'Grace Hopper', 'Send reminder');
    expect(await screen.findByText('A reminder with a fresh activation link was sent to grace@contoso.example.')).toHaveFocus();
    await pickRowAction(user, 'Linus Torvalds', 'Send reminder');
    expect(await screen.findByText('A reminder to set up an authenticator was sent to linus@contoso.example.')).toBeVisible();
    expect(server.requests('POST /api/admin/end-users/u-grace/send-reminder')).toHaveLength(1);
    expect(server.requests('POST /api/admin/end-users/u-linus/send-reminder')).toHaveLength(1);
  });

  it("lets a technician remind too, and shows the Api's sentence when today's reminder already went", async () => {
    const sentence = 'A reminder was already sent to Grace Hopper today; one a day is the most we send. Try again in 9 hours.';
    mockApi({
      ...adminBasics(technician),
      'GET /api/admin/end-users': () => json(page([grace])),
      'POST /api/admin/end-users/u-grace/send-reminder': () => problem(429, { title: 'Already reminded today', detail: sentence }),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await pickRowAction(user, 'Grace Hopper', 'Send reminder');

    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
  });

  it('sends reminders to the selected users after confirming, then shows who got none and why', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([ada, grace, linus])),
      'POST /api/admin/end-users/bulk': () => json({ succeeded: 2, failed: [{ id: 'u-ada', reason: 'already activated and enrolled' }] }),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();
    expect(screen.getByRole('button', { name: 'Send reminder' })).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: 'Select all end users on this page' }));
    await user.click(screen.getByRole('button', { name: 'Send reminder' }));
    const dialog = screen.getByRole('dialog', { name: 'Send a reminder to 3 end users?' });
    expect(dialog).toHaveTextContent('at most one reminder a day');
    await user.click(within(dialog).getByRole('button', { name: 'Send reminder' }));

    const result = await screen.findByRole('dialog', { name: 'Done' });
    expect(result).toHaveTextContent('2 end users were sent a reminder.');
    expect(result).toHaveTextContent('1 end user got no reminder:');
    expect(result).toHaveTextContent('Ada Lovelace: already activated and enrolled');
    expect(await server.lastBody('POST /api/admin/end-users/bulk')).toEqual({ action: 'send-reminder', ids: ['u-ada', 'u-grace', 'u-linus'] });
  });

  it("lets a partner admin turn a chosen client's automatic reminders off, and shows a refusal where they clicked", async () => {
    let enabled = true;
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/clients': () => json([{ ...contoso, automaticReminders: enabled }, fabrikam]),
      'GET /api/admin/end-users': () => json(page([grace])),
      'PUT /api/admin/clients/c-contoso/automatic-reminders': async (request) => {
        enabled = ((await request.json()) as { enabled: boolean }).enabled;
        return json({ clientId: 'c-contoso', enabled });
      },
      'PUT /api/admin/clients/c-fabrikam/automatic-reminders': () =>
        problem(404, { title: 'Client not found', detail: 'This client does not exist, or is not one of your clients.' }),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();
    expect(screen.queryByRole('checkbox', { name: /Automatic reminders/ })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Client'), 'Contoso');
    const box = await screen.findByRole('checkbox', { name: 'Automatic reminders for Contoso' });
    expect(box).toBeChecked();
    await user.click(box);

    expect(await screen.findByText('Automatic reminders are off for Contoso.')).toBeVisible();
    expect(await server.lastBody('PUT /api/admin/clients/c-contoso/automatic-reminders')).toEqual({ enabled: false });
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Automatic reminders for Contoso' })).not.toBeChecked());

    await user.selectOptions(screen.getByLabelText('Client'), 'Fabrikam');
    await user.click(await screen.findByRole('checkbox', { name: 'Automatic reminders for Fabrikam' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This client does not exist, or is not one of your clients.');
  });

  it('does not show the client switch to a technician', async () => {
    mockApi({ ...adminBasics(technician), 'GET /api/admin/end-users': () => json(page([grace])) });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await user.selectOptions(screen.getByLabelText('Client'), 'Contoso');
    await table();

    expect(screen.queryByRole('checkbox', { name: /Automatic reminders/ })).not.toBeInTheDocument();
  });
});
