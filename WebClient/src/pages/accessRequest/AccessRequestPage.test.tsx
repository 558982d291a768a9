import { screen } from '@testing-library/react';
import type { User } from 'oidc-client-ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { renderAt } from '../../test/render';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const describeKey = 'POST /api/access-requests/describe';
const acceptKey = 'POST /api/access-requests/accept';
const declineKey = 'POST /api/access-requests/decline';
const url = '/access-request?token=req-1';

const request = { partnerName: 'Contoso Managed IT', clientName: 'Tailspin Toys', email: 'ada@tailspin.example' };
const linkNotValid = () =>
  problem(400, {
  title: 'Link not valid',
    detail: 'This request has expired, has already been answered or was withdrawn. Nothing changed on your account.',
  });

/** Opens the link and waits for the request to be described. */
async function openRequest(routes: Parameters<typeof mockApi>[0] = {}) {
  const server = mockApi({ [describeKey]: () => json(request), ...routes });
  const view = renderAt(url);
  await screen.findByText(/wants to give you access/);
  return { server, ...view };
}

describe('the access request page', () => {
  beforeEach(resetFakeManager);

  it('describes the request while answering nothing: opening the link calls only describe', async () => {
    const answer = deferred<Response>();
    const server = mockApi({ [describeKey]: () => answer.promise });
    renderAt(url);

    expect(screen.getByRole('heading', { level: 1, name: 'Access to the End User Portal' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the request…');
    answer.resolve(json(request));

    expect(await screen.findByText('Contoso Managed IT wants to give you access to the End User Portal of Tailspin Toys.')).toBeVisible();
    expect(screen.getByText('ada@tailspin.example')).toBeVisible();
    for (const name of ['Accept', 'Decline', 'This was not me']) expect(screen.getByRole('button', { name })).toBeEnabled();
    expect(await server.lastBody(describeKey)).toEqual({ token: 'req-1' });
    expect(server.calls.map((call) => call.key)).toEqual([describeKey]);
    expect(fakeManager.signinRedirect).not.toHaveBeenCalled();
    expect(fakeManager.signinSilent).not.toHaveBeenCalled();
  });

  it('shows why a link is not valid, with no buttons', async () => {
    mockApi({ [describeKey]: linkNotValid });
    renderAt(url);

    expect(await screen.findByRole('alert')).toHaveTextContent('This request has expired, has already been answered or was withdrawn.');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('asks the Api nothing for a link without a token', async () => {
    const server = mockApi({});
    renderAt('/access-request');

    expect(await screen.findByRole('alert')).toHaveTextContent('This link is incomplete.');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it('accepts on click with the token in memory, then links to the portal', async () => {
    fakeManager.getUser.mockResolvedValue({ ...fakeUser('access-1'), profile: { sub: 'a', email: 'ada@tailspin.example' } } as User);
    const answer = deferred<Response>();
    const { server, user } = await openRequest({ [acceptKey]: () => answer.promise });
    expect(await screen.findByText('You are signed in as ada@tailspin.example.')).toBeVisible();
    expect(server.requests(acceptKey)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Accept' }));
    expect(await screen.findByRole('button', { name: 'Accept…' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Decline' })).toBeDisabled();
    answer.resolve(empty(204));

    expect(await screen.findByRole('status')).toHaveTextContent('You now have access to the End User Portal of Tailspin Toys.');
    expect(screen.getByRole('link', { name: 'Go to the portal' })).toHaveAttribute('href', '/portal');
    expect(screen.queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();
    const [sent] = server.requests(acceptKey);
    expect(sent?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(await sent?.json()).toEqual({ token: 'req-1' });
    expect(fakeManager.signinRedirect).not.toHaveBeenCalled();
  });

  it('renews silently when no token is in memory, then accepts', async () => {
    fakeManager.signinSilent.mockResolvedValue(fakeUser('renewed-1'));
    const { server, user } = await openRequest({ [acceptKey]: () => empty(204) });

    await user.click(screen.getByRole('button', { name: 'Accept' }));

    expect(await screen.findByRole('status')).toHaveTextContent('You now have access to the End User Portal of Tailspin Toys.');
    expect(server.requests(acceptKey)[0]?.headers.get('Authorization')).toBe('Bearer renewed-1');
    expect(fakeManager.signinRedirect).not.toHaveBeenCalled();
  });

  it('without a single sign-on session starts the sign-in, which comes back to this link', async () => {
    fakeManager.signinRedirect.mockReturnValue(new Promise(() => undefined));
    const { server, user } = await openRequest();

    await user.click(screen.getByRole('button', { name: 'Accept' }));

    await vi.waitFor(() =>
      expect(fakeManager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/access-request?token=req-1' } }),
    );
    // The browser is leaving: the button stays busy, and nothing was accepted.
    expect(screen.getByRole('button', { name: 'Accept…' })).toHaveAttribute('aria-busy', 'true');
    expect(server.requests(acceptKey)).toHaveLength(0);
  });

  it('after the sign-in, /portal/callback opens this link again and waits for the click', async () => {
    const signedIn = fakeUser('access-2', { returnTo: '/access-request?token=req-1' });
    fakeManager.signinRedirectCallback.mockResolvedValue(signedIn);
    fakeManager.getUser.mockResolvedValue(signedIn);
    const server = mockApi({ [describeKey]: () => json(request), [acceptKey]: () => empty(204) });
    const { user } = renderAt('/portal/callback?code=c&state=s');

    await user.click(await screen.findByRole('button', { name: 'Accept' }));

    expect(await screen.findByRole('status')).toHaveTextContent('You now have access to the End User Portal of Tailspin Toys.');
    expect(server.requests(acceptKey)).toHaveLength(1);
  });

  it.each([
    [403, 'Signed in as someone else', 'This request is for another single sign-on account. Log out, then open the link again and sign in with the address it was sent to.'],
    [409, 'Already in the portal', 'Your account already has access to the End User Portal through another client. Ask your IT provider to remove that access first.'],
    [400, 'Link not valid', 'This request has expired, has already been answered or was withdrawn. Nothing changed on your account.'],
  ])('shows the sentence of a %i and keeps the buttons', async (status, title, detail) => {
    fakeManager.getUser.mockResolvedValue(fakeUser());
    const { user } = await openRequest({ [acceptKey]: () => problem(status, { title, detail }) });

    await user.click(screen.getByRole('button', { name: 'Accept' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(detail);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Accept' })).toBeEnabled();
  });

  it('declines without signing in and says the IT provider was told', async () => {
    const { server, user } = await openRequest({ [declineKey]: () => empty(204) });

    await user.click(screen.getByRole('button', { name: 'Decline' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'You declined. Contoso Managed IT was told; nothing changed on your account.',
    );
    expect(await server.lastBody(declineKey)).toEqual({ token: 'req-1', notMe: false });
    expect(server.requests(declineKey)[0]?.headers.get('Authorization')).toBeNull();
    expect(fakeManager.signinRedirect).not.toHaveBeenCalled();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('"This was not me" declines and says the IT provider heard that you do not know them', async () => {
    const { server, user } = await openRequest({ [declineKey]: () => empty(204) });

    await user.click(screen.getByRole('button', { name: 'This was not me' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Thank you. Contoso Managed IT was told that you do not know them; nothing changed on your account.',
    );
    expect(await server.lastBody(declineKey)).toEqual({ token: 'req-1', notMe: true });
  });

  it('shows why a decline was refused', async () => {
    const { user } = await openRequest({ [declineKey]: linkNotValid });

    await user.click(screen.getByRole('button', { name: 'This was not me' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This request has expired, has already been answered or was withdrawn.');
    expect(screen.getByRole('button', { name: 'This was not me' })).toBeEnabled();
  });
});
