import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { deferred, empty, json, mockApi, problem } from '../../test/api';
import { renderAt } from '../../test/render';

describe('the activation page', () => {
  it('activates the account once and links back to the portal', async () => {
    const server = mockApi({ 'POST /api/sso/activate': () => json({ email: 'ada@contoso.example' }) });
    renderAt('/sso/activate?token=abc123');

    expect(await screen.findByText(/is now active/)).toHaveTextContent('ada@contoso.example');
    expect(screen.getByRole('link', { name: 'Back to the portal' })).toHaveAttribute('href', '/');
    expect(server.requests('POST /api/sso/activate')).toHaveLength(1);
    expect(await server.lastBody('POST /api/sso/activate')).toEqual({ token: 'abc123' });
  });

  it('explains an expired or used link', async () => {
    mockApi({
      'POST /api/sso/activate': () => problem(400, { detail: 'This activation link has expired or has already been used.' }),
    });
    renderAt('/sso/activate?token=used-token');

    expect(await screen.findByRole('alert')).toHaveTextContent('This activation link has expired or has already been used.');
  });

  it('does not call the Api without a token', async () => {
    const server = mockApi({});
    renderAt('/sso/activate');

    expect(await screen.findByRole('alert')).toHaveTextContent('This activation link is incomplete.');
    expect(server.calls).toHaveLength(0);
  });
});

describe('the forgot-password page', () => {
  it('always gives the same confirmation once the Api accepts the request', async () => {
    const answer = deferred<Response>();
    const server = mockApi({ 'POST /api/sso/password/forgot': () => answer.promise });
    const { user } = renderAt('/sso/forgot-password');

    await user.type(screen.getByLabelText('Email'), 'nobody@contoso.example');
    await user.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(screen.getByRole('button', { name: 'Send reset link…' })).toHaveAttribute('aria-busy', 'true');
    answer.resolve(empty(202));

    expect(await screen.findByRole('status')).toHaveTextContent('If an account exists for nobody@contoso.example');
    expect(await server.lastBody('POST /api/sso/password/forgot')).toEqual({ email: 'nobody@contoso.example' });
  });
});

describe('the reset-password page', () => {
  it('sets the new password with the token from the link', async () => {
    const server = mockApi({ 'POST /api/sso/password/reset': () => empty(204) });
    const { user } = renderAt('/sso/reset-password?token=reset-1');

    await user.type(screen.getByLabelText('New password'), 'Correct-Horse-9');
    await user.type(screen.getByLabelText('Confirm new password'), 'Correct-Horse-9');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Your password was changed.');
    expect(await server.lastBody('POST /api/sso/password/reset')).toEqual({ token: 'reset-1', newPassword: 'Correct-Horse-9' });
  });

  it('catches a mismatched confirmation before calling the Api', async () => {
    const server = mockApi({});
    const { user } = renderAt('/sso/reset-password?token=reset-1');

    await user.type(screen.getByLabelText('New password'), 'Correct-Horse-9');
    await user.type(screen.getByLabelText('Confirm new password'), 'Correct-Horse-8');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The new passwords do not match.');
    expect(server.calls).toHaveLength(0);
  });

  it('shows why the Api refused, e.g. a weak password, with the field sentences', async () => {
    mockApi({
      'POST /api/sso/password/reset': () =>
        problem(400, {
          title: 'One or more validation errors occurred.',
          detail: 'Choose a stronger password.',
          errors: { newPassword: ['Use at least 12 characters.'] },
        }),
    });
    const { user } = renderAt('/sso/reset-password?token=reset-1');

    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Confirm new password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Choose a stronger password.');
    expect(alert).toHaveTextContent('Use at least 12 characters.');
  });

  it("shows the Api's sentence, once, when the new password is a common one", async () => {
    const sentence = 'This password is too common: it is on the lists of passwords that attackers try first. Choose another one; a short sentence of your own is easy to remember.';
    mockApi({
      'POST /api/sso/password/reset': () =>
        problem(400, { title: 'Please check what you entered', detail: sentence, errors: { newPassword: [sentence] } }),
    });
    const { user } = renderAt('/sso/reset-password?token=reset-1');

    await user.type(screen.getByLabelText('New password'), 'password123456');
    await user.type(screen.getByLabelText('Confirm new password'), 'password123456');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(sentence);
    expect(alert.textContent?.split('too common')).toHaveLength(2);
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(/not a common password/);
  });

  it('welcomes a user whose IT provider created the account: choosing the password activates it', async () => {
    const server = mockApi({ 'POST /api/sso/password/reset': () => empty(204) });
    const { user } = renderAt('/sso/reset-password?token=invite-1&welcome=1');

    expect(screen.getByRole('heading', { name: 'Activate your account' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('New password'), 'Correct-Horse-9');
    await user.type(screen.getByLabelText('Confirm new password'), 'Correct-Horse-9');
    await user.click(screen.getByRole('button', { name: 'Activate account' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Your account is active.');
    expect(await server.lastBody('POST /api/sso/password/reset')).toEqual({ token: 'invite-1', newPassword: 'Correct-Horse-9' });
  });
});
