import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { empty, json, mockApi } from '../../../test/api';
import { reachPasswordStep } from '../../../test/ssoLogin';

function activationAnswers() {
  return mockApi({
    'POST /api/sso/login/start': () => json({ step: 'password' }),
    'POST /api/sso/login/password': () => json({ step: 'activate', email: 'ada@contoso.example' }),
    'POST /api/sso/login/activation/resend': () => empty(202),
  });
}

describe('the activation dialog of the SSO login', () => {
  it('opens the activation dialog when the e-mail is not verified, and can resend the e-mail', async () => {
    const server = activationAnswers();
    const { user } = await reachPasswordStep();
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    const dialog = await screen.findByRole('dialog', { name: /Activate your email account/ });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveTextContent('ada@contoso.example');

    await user.click(within(dialog).getByRole('button', { name: 'Resend activation e-mail' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent('We sent the activation e-mail again.');
    expect(server.requests('POST /api/sso/login/activation/resend')).toHaveLength(1);
  });

  it('goes back to the e-mail step, e-mail kept, when closed', async () => {
    activationAnswers();
    const { user } = await reachPasswordStep();
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));
    const dialog = await screen.findByRole('dialog', { name: /Activate your email account/ });
    expect(dialog).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('ada@contoso.example');
    expect(screen.getByLabelText('Email')).toHaveFocus();
  });
});
