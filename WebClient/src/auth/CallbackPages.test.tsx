import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi } from '../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../test/auth';
import { portalMe } from '../test/portal';
import { renderAt } from '../test/render';

vi.mock('./userManager', async () => {
  const { fakeManager } = await import('../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('the OIDC callback page', () => {
  beforeEach(resetFakeManager);

  it('redeems the code once and opens the portal', async () => {
    const user = fakeUser('access-1', { returnTo: '/portal' });
    fakeManager.signinRedirectCallback.mockResolvedValue(user);
    fakeManager.getUser.mockResolvedValue(user);
    mockApi({
      'GET /api/portal/me': () => json(portalMe({ name: 'Ada' })),
    });

    renderAt('/portal/callback?code=one&state=s1');

    // The first portal page of the file also waits for the lazily loaded portal (and oidc-client-ts) code.
    expect(await screen.findByRole('heading', { name: 'Welcome, Ada' }, { timeout: 5000 })).toBeVisible();
    expect(fakeManager.signinRedirectCallback).toHaveBeenCalledTimes(1);
  });

  it('explains a failed sign-in and links back to the login page', async () => {
    fakeManager.signinRedirectCallback.mockRejectedValue(new Error('access_denied'));
    mockApi({});

    renderAt('/portal/callback?error=access_denied&state=s2');

    expect(await screen.findByRole('alert')).toHaveTextContent('We could not complete your sign-in.');
    expect(screen.getByRole('link', { name: 'Back to the login page' })).toHaveAttribute('href', '/');
  });
});
