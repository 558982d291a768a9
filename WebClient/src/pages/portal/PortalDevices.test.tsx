import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { deviceDetail, laptop, listPage, openPortal, phone, portalBasics } from '../../test/portal';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('devices', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('lists the devices with their state in words', async () => {
    mockApi({ ...portalBasics(), 'GET /api/portal/devices': () => json(listPage([laptop, phone], { pageSize: 50 })) });
    await openPortal('/portal/devices', 'Devices');

    const table = await screen.findByRole('table', { name: 'Devices' });
    const phoneRow = within(table).getByRole('row', { name: /ADA-PHONE/ });
    expect(within(phoneRow).getByText('Offline')).toBeVisible();
    expect(within(table).getByRole('row', { name: /ADA-LAPTOP/ })).toHaveTextContent('Online');
  });

  it('shows a device with its tickets and a way to open a ticket about it', async () => {
    mockApi({ ...portalBasics(), [`GET /api/portal/devices/${laptop.id}`]: () => json(deviceDetail({ ipAddress: null })) });
    await openPortal(`/portal/devices/${laptop.id}`, 'ADA-LAPTOP');

    expect(screen.getByText('ThinkPad T14')).toBeVisible();
    expect(screen.getByText('Not known')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Open a ticket about this device' })).toHaveAttribute('href', `/portal/tickets/new?deviceId=${laptop.id}`);
    expect(within(screen.getByRole('region', { name: 'Tickets about this device' })).getByRole('link', { name: 'The printer jams' })).toBeVisible();
  });

  it("says another's device is not found, in the Api's words", async () => {
    mockApi({
      ...portalBasics(),
      'GET /api/portal/devices/d-other': () =>
        new Response(JSON.stringify({ status: 404, detail: 'We could not find that device.' }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } }),
    });
    await openPortal('/portal/devices/d-other', 'Device');

    expect(await screen.findByRole('alert')).toHaveTextContent('We could not find that device.');
  });
});
