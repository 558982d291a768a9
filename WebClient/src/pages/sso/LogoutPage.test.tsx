import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../test/api';
import { renderAt } from '../../test/render';

describe('the logout confirmation page', () => {
  it('asks first and posts the end-session request back to the provider, without the hint', () => {
    const server = mockApi({});
    renderAt(
      '/sso/logout?client_id=portal-spa&post_logout_redirect_uri=https%3A%2F%2Fportal.example%2F&state=s1&id_token_hint=x',
    );

    expect(screen.getByRole('heading', { name: 'Log out?' })).toBeInTheDocument();
    const form = screen.getByRole('button', { name: 'Log out' }).closest('form');
    expect(form).toHaveAttribute('method', 'post');
    expect(form).toHaveAttribute('action', '/connect/logout');
    expect(form).toHaveFormValues({
      client_id: 'portal-spa',
      post_logout_redirect_uri: 'https://portal.example/',
      state: 's1',
    });
    expect(form?.querySelector('[name="id_token_hint"]')).toBeNull();
    expect(screen.getByRole('link', { name: 'Stay signed in' })).toHaveAttribute('href', '/portal');
    // Nothing happens until the user confirms.
    expect(server.calls).toHaveLength(0);
  });
});
