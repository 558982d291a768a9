import { screen } from '@testing-library/react';
import { renderAt } from './render';

/** Where the portal's OIDC sign-in sends the browser: the login page's returnUrl. */
export const authorizeUrl = '/connect/authorize?client_id=portal-spa&response_type=code';
export const loginUrl = `/sso/login?returnUrl=${encodeURIComponent(authorizeUrl)}`;

/** Opens the SSO login and passes the e-mail step (the test's mockApi must answer the start). */
export async function reachPasswordStep(email = 'ada@contoso.example') {
  const view = renderAt(loginUrl);
  await view.user.type(screen.getByLabelText('Email'), email);
  await view.user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByLabelText('Password');
  return view;
}
