import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { empty, json, mockApi, problem } from '../../test/api';
import { adminBasics, openAdmin, partnerAdmin, technician } from '../../test/admin';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const eventTypes = ['end_user.created', 'end_user.disabled', 'batch.completed'];
const endpoint = {
  id: 'w-1',
  url: 'https://hooks.northwind.example/portal',
  description: 'Ticketing',
  events: ['end_user.disabled'],
  enabled: true,
  disabledReason: null,
  createdAt: '2026-12-01T10:00:00Z',
  consecutiveFailures: 0,
};
const attempt = (extra = {}) => ({
  id: 'a-1',
  at: '2026-12-01T10:05:00Z',
  deliveryId: 'd-1',
  eventId: 'msg_0193',
  eventType: 'end_user.disabled',
  status: 'delivered',
  responseCode: 204,
  latencyMs: 42,
  error: null,
  deliveryStatus: 'delivered',
  ...extra,
});

describe('Settings > Webhooks', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('is offered to partner admins only', async () => {
    mockApi({ ...adminBasics(technician) });
    await openAdmin('/admin/settings', 'Settings');
    expect(within(screen.getByRole('navigation', { name: 'Admin' })).queryByRole('link', { name: 'Webhooks' })).not.toBeInTheDocument();
  });

  it('adds an endpoint with the events ticked, shows a refusal where the admin acted, then the secret once', async () => {
    let attempts = 0;
    const server = mockApi({
      ...adminBasics(partnerAdmin),
      'GET /api/admin/webhooks/endpoints': () => json(attempts > 1 ? [endpoint] : []),
      'GET /api/admin/webhooks/event-types': () => json(eventTypes),
      'POST /api/admin/webhooks/endpoints': () =>
        ++attempts === 1
          ? problem(400, {
              title: 'One or more validation errors occurred.',
              errors: { url: ['hooks.northwind.example points to a private, local or reserved network address. Events are sent only to public internet addresses.'] },
            })
          : json({ endpoint, secret: 'whsec_c2VjcmV0' }, 201),
    });
    const { user } = await openAdmin('/admin/settings', 'Settings');
    await user.click(within(screen.getByRole('navigation', { name: 'Admin' })).getByRole('link', { name: 'Webhooks' }));
    expect(await screen.findByText('No endpoints yet: add one below.')).toBeVisible();

    await user.type(screen.getByLabelText('Endpoint URL'), endpoint.url);
    await user.type(screen.getByLabelText('Description'), 'Ticketing');
    await user.click(await screen.findByRole('checkbox', { name: 'end_user.disabled' }));
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('private, local or reserved network address');

    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(await screen.findByLabelText('Secret')).toHaveTextContent('whsec_c2VjcmV0');
    expect(await server.lastBody('POST /api/admin/webhooks/endpoints')).toEqual({ url: endpoint.url, description: 'Ticketing', events: ['end_user.disabled'] });
    const table = await screen.findByRole('table', { name: 'Webhook endpoints' });
    expect(within(table).getByRole('link', { name: endpoint.url })).toHaveAttribute('href', '/admin/settings/webhooks/w-1');

    await user.click(screen.getByRole('button', { name: 'I have saved it' }));
    expect(screen.queryByLabelText('Secret')).not.toBeInTheDocument();
  });

  it('shows an endpoint’s delivery log and replays a delivery', async () => {
    const server = mockApi({
      ...adminBasics(partnerAdmin),
      'GET /api/admin/webhooks/endpoints/w-1': () => json(endpoint),
      'GET /api/admin/webhooks/endpoints': () => json([endpoint]),
      'GET /api/admin/webhooks/endpoints/w-1/deliveries': () =>
        json({ items: [attempt(), attempt({ id: 'a-0', status: 'failed', responseCode: 503, latencyMs: 12, error: 'The endpoint answered 503 Service Unavailable.' })], total: 2, page: 1, pageSize: 25 }),
      'POST /api/admin/webhooks/endpoints/w-1/deliveries/d-1/replay': () => empty(202),
    });
    const { user } = await openAdmin('/admin/settings/webhooks/w-1', endpoint.url);

    const log = await screen.findByRole('table', { name: 'Delivery log' });
    const [, delivered, failed] = within(log).getAllByRole('row') as [HTMLElement, HTMLElement, HTMLElement];
    expect(delivered).toHaveTextContent(/end_user\.disabled.*Delivered.*204.*42 ms/);
    expect(failed).toHaveTextContent(/Failed.*503 Service Unavailable.*503.*12 ms/);

    await user.click(within(delivered).getByRole('button', { name: 'Replay end_user.disabled msg_0193' }));
    expect(await screen.findByText(/is on its way again, with the same event id/)).toHaveAttribute('role', 'status');
    expect(server.requests('POST /api/admin/webhooks/endpoints/w-1/deliveries/d-1/replay')).toHaveLength(1);
  });

  it('edits an endpoint’s events on its page', async () => {
    let events = ['end_user.disabled'];
    const server = mockApi({
      ...adminBasics(partnerAdmin),
      'GET /api/admin/webhooks/event-types': () => json(eventTypes),
      'GET /api/admin/webhooks/endpoints/w-1': () => json({ ...endpoint, events }),
      'GET /api/admin/webhooks/endpoints/w-1/deliveries': () => json({ items: [], total: 0, page: 1, pageSize: 25 }),
      'PUT /api/admin/webhooks/endpoints/w-1': () => {
        events = ['end_user.created', 'end_user.disabled'];
        return json({ ...endpoint, events });
      },
    });
    const { user } = await openAdmin('/admin/settings/webhooks/w-1', endpoint.url);
    expect(await screen.findByText('Nothing was sent to this endpoint yet. Send a test event to try it.')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit endpoint' });
    expect(within(form).getByLabelText('Endpoint URL')).toHaveValue(endpoint.url);
    await user.click(await within(form).findByRole('checkbox', { name: 'end_user.created' }));
    await user.click(within(form).getByRole('button', { name: 'Save endpoint' }));

    expect(await screen.findByText('The endpoint was saved.')).toBeVisible();
    expect(await server.lastBody('PUT /api/admin/webhooks/endpoints/w-1')).toEqual({
      url: endpoint.url,
      description: 'Ticketing',
      events: ['end_user.disabled', 'end_user.created'],
    });
    expect(await screen.findByText('Events: end_user.created, end_user.disabled')).toBeVisible();
  });

  it('disables an endpoint from the list and says why one was disabled automatically', async () => {
    let enabled = true;
    const server = mockApi({
      ...adminBasics(partnerAdmin),
      'GET /api/admin/webhooks/event-types': () => json(eventTypes),
      'GET /api/admin/webhooks/endpoints': () =>
        json([
          { ...endpoint, enabled, disabledReason: enabled ? null : 'Disabled by Pat Partner.' },
          { ...endpoint, id: 'w-2', url: 'https://old.northwind.example/in', enabled: false, disabledReason: 'Disabled automatically: every delivery failed for about a day.' },
        ]),
      'POST /api/admin/webhooks/endpoints/w-1/disable': () => {
        enabled = false;
        return json({ ...endpoint, enabled: false });
      },
    });
    const { user } = await openAdmin('/admin/settings/webhooks', 'Webhooks');

    expect(await screen.findByText('Disabled automatically: every delivery failed for about a day.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: `Actions for ${endpoint.url}` }));
    await user.click(screen.getByRole('menuitem', { name: 'Disable' }));
    expect(await screen.findByText('Disabled by Pat Partner.')).toBeVisible();
    expect(server.requests('POST /api/admin/webhooks/endpoints/w-1/disable')).toHaveLength(1);
  });
});
