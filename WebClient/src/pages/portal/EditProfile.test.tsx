import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { portalMe } from '../../test/portal';
import { renderAt } from '../../test/render';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const legacyUser = portalMe({ name: 'Bob Legacy', email: 'bob@contoso.example', migratedToSso: false, canChangePassword: true });

describe('Edit Profile', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('lets a legacy user change the password', async () => {
    const server = mockApi({
      'GET /api/portal/me': () => json(legacyUser),
      'POST /api/portal/me/password': () => empty(204),
    });
    const { user } = renderAt('/portal/profile');

    await user.type(await screen.findByLabelText('Current password'), 'old-pass');
    await user.type(screen.getByLabelText('New password'), 'New-Pass-123');
    await user.type(screen.getByLabelText('Confirm new password'), 'New-Pass-123');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Your password was changed.');
    expect(screen.getByLabelText('Current password')).toHaveValue('');
    expect(await server.lastBody('POST /api/portal/me/password')).toEqual({ currentPassword: 'old-pass', newPassword: 'New-Pass-123' });
  });

  it('shows the Api sentence for a wrong current password', async () => {
    mockApi({
      'GET /api/portal/me': () => json(legacyUser),
      'POST /api/portal/me/password': () => problem(400, { detail: 'The current password is incorrect.' }),
    });
    const { user } = renderAt('/portal/profile');

    await user.type(await screen.findByLabelText('Current password'), 'wrong');
    await user.type(screen.getByLabelText('New password'), 'New-Pass-123');
    await user.type(screen.getByLabelText('Confirm new password'), 'New-Pass-123');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The current password is incorrect.');
  });

  it("shows the Api's sentence when the new password is a common one", async () => {
    const sentence = 'This password is too common: it is on the lists of passwords that attackers try first. Choose another one; a short sentence of your own is easy to remember.';
    mockApi({
      'GET /api/portal/me': () => json(legacyUser),
      'POST /api/portal/me/password': () => problem(400, { detail: sentence, errors: { newPassword: [sentence] } }),
    });
    const { user } = renderAt('/portal/profile');

    await user.type(await screen.findByLabelText('Current password'), 'old-pass');
    await user.type(screen.getByLabelText('New password'), 'password123456');
    await user.type(screen.getByLabelText('Confirm new password'), 'password123456');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
  });

  it('catches mismatched new passwords before asking the Api', async () => {
    const server = mockApi({ 'GET /api/portal/me': () => json(legacyUser) });
    const { user } = renderAt('/portal/profile');

    await user.type(await screen.findByLabelText('Current password'), 'old-pass');
    await user.type(screen.getByLabelText('New password'), 'New-Pass-123');
    await user.type(screen.getByLabelText('Confirm new password'), 'New-Pass-124');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The new passwords do not match.');
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(/At least 12 characters/);
    expect(server.requests('POST /api/portal/me/password')).toHaveLength(0);
  });

  it('gives a migrated user no change-password form, only a pointer to Forgot Password', async () => {
    mockApi({ 'GET /api/portal/me': () => json({ ...legacyUser, migratedToSso: true, canChangePassword: false }) });
    renderAt('/portal/profile');

    expect(await screen.findByText(/Your account uses Single Sign-On/)).toBeVisible();
    expect(screen.getByRole('link', { name: 'Forgot Password' })).toHaveAttribute('href', '/sso/forgot-password');
    expect(screen.queryByLabelText('Current password')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change password' })).not.toBeInTheDocument();
  });
});
