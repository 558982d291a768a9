import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { empty, mockApi, problem } from '../test/api';
import { renderAt } from '../test/render';

describe('the set-password page', () => {
  it('sets the first password with the token from the link, then points to the portal login', async () => {
    const server = mockApi({ 'POST /api/portal/password/setup': () => empty(204) });
    const { user } = renderAt('/set-password?token=setup-1');

    await user.type(screen.getByLabelText('New password'), 'Correct-Horse-9');
    await user.type(screen.getByLabelText('Confirm new password'), 'Correct-Horse-9');
    await user.click(screen.getByRole('button', { name: 'Set password' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Your password is set.');
    expect(screen.getByRole('link', { name: 'Log in to the portal' })).toHaveAttribute('href', '/');
    expect(await server.lastBody('POST /api/portal/password/setup')).toEqual({ token: 'setup-1', newPassword: 'Correct-Horse-9' });
  });

  it("shows the Api's sentence for a used link", async () => {
    const detail = 'This link has expired or has already been used. Ask your IT provider to send a new one.';
    mockApi({ 'POST /api/portal/password/setup': () => problem(400, { detail }) });
    const { user } = renderAt('/set-password?token=used');

    await user.type(screen.getByLabelText('New password'), 'Correct-Horse-9');
    await user.type(screen.getByLabelText('Confirm new password'), 'Correct-Horse-9');
    await user.click(screen.getByRole('button', { name: 'Set password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(detail);
  });

  it('does not call the Api when the passwords differ', async () => {
    const server = mockApi({});
    const { user } = renderAt('/set-password?token=setup-2');

    await user.type(screen.getByLabelText('New password'), 'Correct-Horse-9');
    await user.type(screen.getByLabelText('Confirm new password'), 'Correct-Horse-8');
    await user.click(screen.getByRole('button', { name: 'Set password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The new passwords do not match.');
    expect(server.requests('POST /api/portal/password/setup')).toHaveLength(0);
  });
});
