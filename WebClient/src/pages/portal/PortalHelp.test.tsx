import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { openPortal, portalBasics } from '../../test/portal';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('help', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it("walks through the Single Sign-On steps and names the partner's support contact", async () => {
    mockApi(portalBasics());
    await openPortal('/portal/help', 'Help');

    const sso = await screen.findByRole('region', { name: 'Log in with Single Sign-On' });
    expect(within(sso).getAllByRole('listitem').map((step) => step.textContent)).toEqual([
      expect.stringContaining('address'),
      expect.stringContaining('Log in with Single Sign-On'),
      expect.stringMatching(/Email.*Next/),
      expect.stringMatching(/Password.*Login/),
      expect.stringContaining('Activate your email account'),
      expect.stringMatching(/MFA code.*Login/),
      expect.stringContaining('End User Portal'),
    ]);
    expect(screen.getByRole('region', { name: /Forgot your password/ })).toHaveTextContent('DoNotReply@');
    const contact = screen.getByRole('region', { name: 'Whom to contact' });
    expect(await within(contact).findByRole('link', { name: 'help@northwind.example' })).toHaveAttribute('href', 'mailto:help@northwind.example');
    expect(within(contact).getByText('Mon–Fri 8:00–18:00')).toBeVisible();
  });
});
