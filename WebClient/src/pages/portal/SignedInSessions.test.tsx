import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { portalMe } from '../../test/portal';
import { renderAt } from '../../test/render';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const me = portalMe({ name: 'Erin Enrolled', email: 'erin@contoso.example' });

const laptop = {
  id: 'laptop-sid',
  device: 'Chrome on Windows',
  network: '203.0.113.0/24',
  createdAt: '2026-11-29T08:00:00Z',
  lastSeenAt: '2026-11-29T09:00:00Z',
  current: true,
};
const phone = { ...laptop, id: 'phone-sid', device: 'Firefox on Android', network: '2001:db8:1::/48', current: false };
const tablet = { ...phone, id: 'tablet-sid', device: 'Safari on iPadOS' };

const region = () => screen.findByRole('region', { name: "Where you're signed in" });

describe("Edit Profile: where you're signed in", () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('lists the sessions, says which one is this browser, and sends the access token', async () => {
    const server = mockApi({
      'GET /api/portal/me': () => json(me),
      'GET /api/sso/sessions': () => json({ sessions: [laptop, phone] }),
    });
    renderAt('/portal/profile');

    const sessions = await region();
    expect(await within(sessions).findByText('Chrome on Windows')).toBeVisible();
    expect(within(sessions).getByText(/this browser/)).toBeVisible();
    expect(within(sessions).getByText('Firefox on Android')).toBeVisible();
    expect(within(sessions).getByText(/2001:db8:1::\/48/)).toBeVisible();
    // Only the other session has its own button.
    expect(within(sessions).getAllByRole('button', { name: /^Sign out Firefox on Android/ })).toHaveLength(1);
    expect(within(sessions).queryByRole('button', { name: /^Sign out Chrome on Windows/ })).not.toBeInTheDocument();
    expect(server.requests('GET /api/sso/sessions')[0]?.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('signs out one other session, busy while it runs, then shows the list again', async () => {
    const answer = deferred<Response>();
    let ended = false;
    const server = mockApi({
      'GET /api/portal/me': () => json(me),
      'GET /api/sso/sessions': () => json({ sessions: ended ? [laptop] : [laptop, phone] }),
      'DELETE /api/sso/sessions/phone-sid': () => answer.promise,
    });
    const { user } = renderAt('/portal/profile');
    const sessions = await region();

    await user.click(await within(sessions).findByRole('button', { name: /^Sign out Firefox on Android/ }));

    expect(within(sessions).getByRole('button', { name: /^Sign out Firefox on Android/ })).toHaveAttribute('aria-busy', 'true');
    expect(within(sessions).getByRole('button', { name: 'Sign out everywhere else' })).toBeDisabled();
    ended = true;
    answer.resolve(empty(204));
    expect(await within(sessions).findByRole('status')).toHaveTextContent('Firefox on Android was signed out.');
    await vi.waitFor(() => expect(within(sessions).queryByText('Firefox on Android')).not.toBeInTheDocument());
    expect(within(sessions).getByText('You are signed in only here.')).toBeVisible();
    expect(server.requests('DELETE /api/sso/sessions/phone-sid')).toHaveLength(1);
  });

  it('signs out everywhere else in one go', async () => {
    let ended = false;
    const server = mockApi({
      'GET /api/portal/me': () => json(me),
      'GET /api/sso/sessions': () => json({ sessions: ended ? [laptop] : [laptop, phone, tablet] }),
      'POST /api/sso/sessions/end-others': () => {
        ended = true;
        return json({ ended: 2 });
      },
    });
    const { user } = renderAt('/portal/profile');
    const sessions = await region();

    await user.click(await within(sessions).findByRole('button', { name: 'Sign out everywhere else' }));

    expect(await within(sessions).findByRole('status')).toHaveTextContent('2 other sessions were signed out.');
    await vi.waitFor(() => expect(within(sessions).queryByText('Safari on iPadOS')).not.toBeInTheDocument());
    expect(server.requests('POST /api/sso/sessions/end-others')).toHaveLength(1);
  });

  it("shows the Api's sentence when a session cannot be signed out", async () => {
    mockApi({
      'GET /api/portal/me': () => json(me),
      'GET /api/sso/sessions': () => json({ sessions: [laptop, phone] }),
      'DELETE /api/sso/sessions/phone-sid': () => problem(404, { title: 'Session not found', detail: 'This session has already ended.' }),
    });
    const { user } = renderAt('/portal/profile');
    const sessions = await region();

    await user.click(await within(sessions).findByRole('button', { name: /^Sign out Firefox on Android/ }));

    expect(await within(sessions).findByRole('alert')).toHaveTextContent('This session has already ended.');
  });

  it('says so when the list cannot be loaded', async () => {
    const answer = deferred<Response>();
    mockApi({
      'GET /api/portal/me': () => json(me),
      'GET /api/sso/sessions': () => answer.promise,
    });
    renderAt('/portal/profile');
    const sessions = await region();

    expect(within(sessions).getByRole('status')).toHaveTextContent('Loading your sessions…');
    answer.resolve(problem(503, { detail: 'The service is temporarily unavailable. Nothing was changed; please try again in a moment.' }));
    expect(await within(sessions).findByRole('alert')).toHaveTextContent('The service is temporarily unavailable.');
  });
});
