import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ada, adminBasics, contoso, grace, manageUsersUrl, openAdmin, page, pickRowAction, rowActionNames } from '../../test/admin';
import { empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import type { EndUserRow } from './adminTypes';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

/** Rows whose address belongs to someone else's single sign-on account: not on SSO, waiting for its owner. */
const waiting: EndUserRow = {
  ...ada,
  id: 'u-wendy',
  name: 'Wendy Waiting',
  email: 'wendy@tailspin.example',
  migratedToSso: false,
  migratedAt: null,
  ssoState: null,
  lastLoginAt: null,
  accessRequest: 'waiting',
};
const declined: EndUserRow = { ...waiting, id: 'u-dan', name: 'Dan Declined', email: 'dan@tailspin.example', accessRequest: 'declined' };

const managedElsewhere = (what: string) =>
  problem(403, {
    type: 'https://portal.example/problems/account-managed-elsewhere',
    title: 'Managed by its owner',
    detail: `This person's single sign-on account is not managed by your organisation, so only they can ${what}. You can change their role and client, or disable or delete their portal access.`,
  });

const table = () => screen.findByRole('table', { name: 'End users' });

describe('Manage Users and the owners of existing accounts', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('says in the SSO state column that a row waits for, or was declined by, the user', async () => {
    mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([waiting, declined, ada])) });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    const [wendyRow, danRow, adaRow] = within(await table()).getAllByRole('row').slice(1);

    expect(within(wendyRow!).getByRole('cell', { name: 'Waiting for the user to accept' })).toBeVisible();
    expect(within(danRow!).getByRole('cell', { name: 'Declined by the user' })).toBeVisible();
    expect(within(adaRow!).getByRole('cell', { name: 'Active Authenticator app' })).toBeVisible();
    const wendyActions = await rowActionNames(user, 'Wendy Waiting');
    expect(wendyActions).toContain('Ask again');
    expect(wendyActions).not.toContain('Resend activation');
    expect(await rowActionNames(user, 'Dan Declined')).toContain('Ask again');
  });

  it('asks the owner again from the row and says so', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([declined])),
      'POST /api/admin/end-users/u-dan/resend-activation': () => empty(202),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await pickRowAction(user, 'Dan Declined', 'Ask again');

    expect(await screen.findByText('We asked the owner of dan@tailspin.example again to accept.')).toHaveAttribute('role', 'status');
    expect(server.requests('POST /api/admin/end-users/u-dan/resend-activation')).toHaveLength(1);
  });

  it("shows the waiting state on the user's details, with Ask again", async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([waiting])),
      'GET /api/admin/end-users/u-wendy': () => json({ user: waiting, emails: [] }),
      'POST /api/admin/end-users/u-wendy/resend-activation': () => empty(202),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await user.click(screen.getByRole('button', { name: 'Details of Wendy Waiting' }));
    const panel = screen.getByRole('dialog', { name: 'Wendy Waiting' });
    expect(within(panel).getByText('Waiting for the user to accept')).toBeVisible();
    await user.click(within(panel).getByRole('button', { name: 'Ask Wendy Waiting again to accept' }));

    expect(await within(panel).findByRole('status')).toHaveTextContent('We asked the owner of wendy@tailspin.example again to accept.');
    expect(server.requests('POST /api/admin/end-users/u-wendy/resend-activation')).toHaveLength(1);
  });

  it('tells the admin when an added address waits for its account owner', async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([ada])),
      'POST /api/admin/end-users': () => json({ id: 'u-new', awaitingAccountOwner: true }, 201),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await user.click(screen.getByRole('button', { name: 'Add end user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add end user' });
    await user.selectOptions(within(dialog).getByLabelText('Client'), contoso.name);
    await user.type(within(dialog).getByLabelText('Name'), 'Wendy Waiting');
    await user.type(within(dialog).getByLabelText('Email'), 'wendy@tailspin.example');
    await user.click(within(dialog).getByRole('button', { name: 'Add end user' }));

    const notice = await screen.findByRole('status');
    expect(notice).toHaveTextContent(
      'Wendy Waiting was added. This address already has a single sign-on account. We asked its owner to accept; they get access when they do.',
    );
    expect(notice).not.toHaveTextContent('activation e-mail');
  });

  it("shows the Api's sentence where the admin acted when the account is managed elsewhere", async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([grace])),
      'POST /api/admin/end-users/u-grace/unlock': () => managedElsewhere('lift the pause on their sign-in'),
      'PUT /api/admin/end-users/u-grace': () => managedElsewhere('change the e-mail they sign in with'),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await pickRowAction(user, 'Grace Hopper', 'Unlock');
    expect(await screen.findByRole('alert')).toHaveTextContent('so only they can lift the pause on their sign-in.');

    await pickRowAction(user, 'Grace Hopper', 'Edit');
    const dialog = await screen.findByRole('dialog', { name: 'Edit Grace Hopper' });
    await user.clear(within(dialog).getByLabelText('Email'));
    await user.type(within(dialog).getByLabelText('Email'), 'grace@elsewhere.example');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('so only they can change the e-mail they sign in with.');
    expect(within(dialog).getByRole('alert')).not.toHaveTextContent('Something went wrong');
  });
});
