import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { queryOf } from '../../test/admin';
import { json, mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { laptop, listPage, openPortal, phone, portalBasics, printerTicket } from '../../test/portal';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('the portal home', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('greets the user, offers Open a ticket, lists up to five active tickets and the devices, and no System status', async () => {
    const server = mockApi({
      ...portalBasics(),
      'GET /api/portal/tickets': () => json(listPage([printerTicket], { pageSize: 5 })),
      'GET /api/portal/devices': () => json(listPage([laptop, phone], { pageSize: 5 })),
    });
    await openPortal('/portal', 'Welcome, Ada Lovelace');
    expect(screen.getByRole('link', { name: 'Open a ticket' })).toHaveAttribute('href', '/portal/tickets/new');
    const tickets = screen.getByRole('region', { name: 'Your active tickets' });
    expect(await within(tickets).findByRole('link', { name: 'The printer jams' })).toHaveAttribute('href', `/portal/tickets/${printerTicket.id}`);
    expect(within(tickets).getByText('New answer')).toBeVisible();
    const devices = screen.getByRole('region', { name: 'Your devices' });
    expect(await within(devices).findByText('2 devices · 1 online')).toBeVisible();
    expect(within(devices).getByRole('link', { name: 'ADA-PHONE' })).toBeVisible();
    expect(queryOf(server.requests('GET /api/portal/tickets')[0])).toEqual({ status: 'active', page: '1', pageSize: '5' });
    expect(screen.queryByRole('heading', { name: 'System status' })).not.toBeInTheDocument();
    expect(server.requests('GET /api/status')).toHaveLength(0);
  });
});
