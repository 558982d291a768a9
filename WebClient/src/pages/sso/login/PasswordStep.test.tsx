import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem } from '../../../test/api';
import { reachPasswordStep } from '../../../test/ssoLogin';

describe('the password step of the SSO login', () => {
  it('shows the Api sentence for a wrong password and lets the user try again', async () => {
    mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () => problem(400, { title: 'Bad Request', detail: 'The e-mail or password is incorrect.' }),
    });
    const { user } = await reachPasswordStep();

    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail or password is incorrect.');
    expect(screen.getByRole('button', { name: 'Login' })).toBeEnabled();
  });

  it('tells a user not yet migrated to use the portal form', async () => {
    mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () =>
        problem(403, { type: 'urn:sso:not-migrated', detail: "Your account still uses the portal's own login for now. Use the form on the portal's login page." }),
    });
    const { user } = await reachPasswordStep();

    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("Use the form on the portal's login page.");
  });
});
