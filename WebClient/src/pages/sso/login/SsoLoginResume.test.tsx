import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { empty, json, mockApi, problem } from '../../../test/api';
import { renderAt } from '../../../test/render';
import { loginUrl } from '../../../test/ssoLogin';

const resumeUrl = '/sso/login?returnUrl=%2Fportal&resume=1';
const stepKey = 'GET /api/sso/login/step';

/** The SSO screen opened by the portal's form after it moved the user: it goes on at the step the sign-in waits at. */
describe('the SSO login screen resuming a sign-in', () => {
  it('opens at the activation dialog for the address the portal form moved, and can resend the e-mail', async () => {
    const server = mockApi({
      [stepKey]: () => json({ step: 'activate', email: 'bob@contoso.example' }),
      'POST /api/sso/login/activation/resend': () => empty(202),
    });
    const { user } = renderAt(resumeUrl);

    expect(screen.getByRole('status')).toHaveTextContent('Loading your sign-in…');
    const dialog = await screen.findByRole('dialog', { name: 'Activate your email account' });
    expect(within(dialog).getByText('bob@contoso.example')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Resend activation e-mail' }));
    expect(await within(dialog).findByText('We sent the activation e-mail again.')).toBeVisible();
    expect(server.requests('POST /api/sso/login/activation/resend')).toHaveLength(1);

    // Closing starts a sign-in of its own, which returns to the portal.
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.getByLabelText('Email')).toHaveValue('bob@contoso.example');
  });

  it('starts at the e-mail when the sign-in has ended meanwhile', async () => {
    mockApi({ [stepKey]: () => problem(400, { detail: 'Your sign-in took too long or was interrupted. Please start again.' }) });
    renderAt(resumeUrl);

    expect(await screen.findByLabelText('Email')).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Next' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('asks nothing when it is not resuming', async () => {
    const server = mockApi({});
    renderAt(loginUrl);

    expect(screen.getByLabelText('Email')).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(server.requests(stepKey)).toHaveLength(0);
  });
});
