import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { deferred, empty, mockApi, problem } from '../../test/api';
import { renderAt } from '../../test/render';

const button = 'Remove the authenticator and sign out everywhere';

describe('the "This was not me" page', () => {
  it('explains and waits for a click: opening the link does nothing', async () => {
    const server = mockApi({ 'POST /api/sso/authenticator/not-me': () => empty(204) });
    renderAt('/sso/not-me?token=link-1');

    expect(await screen.findByRole('heading', { name: 'This was not me' })).toBeInTheDocument();
    expect(screen.getByText(/someone else may know your password/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: button })).toBeEnabled();
    expect(server.requests('POST /api/sso/authenticator/not-me')).toHaveLength(0);
  });

  it('posts the token once on click and says what happened', async () => {
    const answer = deferred<Response>();
    const server = mockApi({ 'POST /api/sso/authenticator/not-me': () => answer.promise });
    const { user } = renderAt('/sso/not-me?token=link-1');

    await user.click(await screen.findByRole('button', { name: button }));
    expect(screen.getByRole('button', { name: `${button}…` })).toHaveAttribute('aria-busy', 'true');
    answer.resolve(empty(204));

    expect(await screen.findByRole('status')).toHaveTextContent('The authenticator was removed and every device was signed out.');
    expect(screen.getByRole('status')).toHaveTextContent('sent you an e-mail to choose a new password');
    expect(screen.queryByRole('button', { name: button })).not.toBeInTheDocument();
    expect(server.requests('POST /api/sso/authenticator/not-me')).toHaveLength(1);
    expect(await server.lastBody('POST /api/sso/authenticator/not-me')).toEqual({ token: 'link-1' });
  });

  it('shows why the Api refused, e.g. a used link', async () => {
    mockApi({
      'POST /api/sso/authenticator/not-me': () =>
        problem(400, { title: 'Link not valid', detail: 'This link has expired or has already been used.' }),
    });
    const { user } = renderAt('/sso/not-me?token=used');

    await user.click(await screen.findByRole('button', { name: button }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This link has expired or has already been used.');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('does not offer the button without a token', async () => {
    const server = mockApi({});
    renderAt('/sso/not-me');

    expect(await screen.findByRole('alert')).toHaveTextContent('This link is incomplete.');
    expect(screen.queryByRole('button', { name: button })).not.toBeInTheDocument();
    expect(server.calls.filter((call) => call.key.includes('not-me'))).toHaveLength(0);
  });
});
