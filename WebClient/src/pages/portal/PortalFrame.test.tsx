import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contrastRatio, textColorOn } from '../../components/brandColors';
import { mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { openPortal, portalBasics, portalMe } from '../../test/portal';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('the portal frame', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it("shows the partner's logo, name and colour, with text that keeps 4.5:1 contrast, and the navigation", async () => {
    mockApi(portalBasics());
    await openPortal('/portal', 'Welcome, Ada Lovelace');

    const banner = screen.getByRole('banner');
    expect(await within(banner).findByRole('img', { name: 'Northwind MSP' })).toHaveAttribute('src', '/api/branding/logos/abc123');
    expect(within(banner).getByText('Northwind MSP')).toBeVisible();
    expect(banner).toHaveStyle({ backgroundColor: '#0b3d91', color: '#ffffff' });
    const nav = within(banner).getByRole('navigation', { name: 'Portal' });
    for (const name of ['Home', 'Tickets', 'Devices', 'Help', 'Edit Profile']) expect(within(nav).getByRole('link', { name })).toBeVisible();
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('button', { name: 'Log out' })).toBeVisible();
  });

  it('picks black or white banner text so that every partner colour reads at 4.5:1 or better', () => {
    for (const color of ['#ffff00', '#0b3d91', '#777777', '#808080', '#ff0000', '#00ff00', '#1a5fb4', '#ffffff', '#000000']) {
      expect(contrastRatio(color, textColorOn(color))).toBeGreaterThanOrEqual(4.5);
    }
    expect(textColorOn('#ffff00')).toBe('#000000');
  });

  it("keeps the portal's own look when the partner set no colour or logo", async () => {
    mockApi(portalBasics(portalMe({ branding: { partnerName: 'Northwind MSP', color: null, logoUrl: null } })));
    await openPortal('/portal', 'Welcome, Ada Lovelace');
    const banner = screen.getByRole('banner');
    expect(within(banner).queryByRole('img')).not.toBeInTheDocument();
    expect(banner).not.toHaveAttribute('style');
  });
});
