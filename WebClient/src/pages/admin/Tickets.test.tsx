import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { empty, json, mockApi, problem } from '../../test/api';
import { adminBasics, openAdmin, partnerAdmin, queryOf, technician } from '../../test/admin';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { operatorBasics } from '../../test/migration';
import { printerTicket, ticketDetail } from '../../test/portal';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const row = { ...printerTicket, awaitingYou: false, status: 'Open', clientId: 'c-contoso', clientName: 'Contoso', openedByEmail: 'ada@contoso.example' };
const statuses = ['Open', 'In progress', 'Waiting for you', 'Resolved', 'Closed'];
const detail = (extra = {}) => ({ ...ticketDetail({ status: 'Open', ...extra }), clientId: 'c-contoso', openedByEmail: 'ada@contoso.example', statuses });
const ticketUrl = `/admin/tickets/${printerTicket.id}`;

describe('admin tickets', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('gives every staff member a Tickets entry and lists the queue with its filters in the URL', async () => {
    const server = mockApi({
      ...adminBasics(technician),
      'GET /api/admin/tickets': () => json({ items: [row], total: 1, page: 1, pageSize: 25 }),
    });
    const { user } = await openAdmin('/admin', 'Admin area');

    const nav = screen.getByRole('navigation', { name: 'Admin' });
    expect(within(nav).queryByRole('link', { name: 'Branding' })).not.toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'System status' })).not.toBeInTheDocument();
    await user.click(within(nav).getByRole('link', { name: 'Tickets' }));
    const table = await screen.findByRole('table', { name: 'Tickets' });
    expect(within(table).getByRole('link', { name: 'The printer jams' })).toHaveAttribute('href', ticketUrl);
    expect(within(table).getByText('Needs answer')).toBeVisible();

    await user.selectOptions(screen.getByLabelText('Priority'), 'Urgent');
    await user.selectOptions(screen.getByLabelText('Client'), 'c-contoso');
    await vi.waitFor(() =>
      expect(queryOf(server.requests('GET /api/admin/tickets').at(-1))).toEqual({ status: 'active', page: '1', pageSize: '25', priority: 'Urgent', clientId: 'c-contoso' }),
    );
  });

  it('answers a ticket and sets a status; the end user is told', async () => {
    let answered = false;
    const server = mockApi({
      ...adminBasics(technician),
      [`GET /api/admin/tickets/${printerTicket.id}`]: () => json(detail(answered ? { status: 'Waiting for you' } : { comments: [] })),
      [`POST /api/admin/tickets/${printerTicket.id}/comments`]: () => {
        answered = true;
        return json({ id: 'c-9', authorName: 'Tess Tech', fromStaff: true, body: 'Try the rear tray.', createdAt: '2026-11-29T10:00:00Z' }, 201);
      },
    });
    const { user } = await openAdmin(ticketUrl, 'The printer jams');

    expect(screen.getByText('Contoso')).toBeVisible();
    await user.type(screen.getByLabelText('Your answer'), 'Try the rear tray.');
    await user.click(screen.getByRole('button', { name: 'Send answer' }));

    expect(await screen.findByText('Your answer was sent.')).toHaveAttribute('role', 'status');
    expect(await server.lastBody(`POST /api/admin/tickets/${printerTicket.id}/comments`)).toEqual({ body: 'Try the rear tray.', status: null });
    await vi.waitFor(() => expect(screen.getByLabelText('Status', { exact: true })).toHaveValue('Waiting for you'));
  });

  it('updates the status, and shows the sentence of a refused change', async () => {
    const server = mockApi({
      ...adminBasics(partnerAdmin),
      [`GET /api/admin/tickets/${printerTicket.id}`]: () => json(detail()),
      [`PUT /api/admin/tickets/${printerTicket.id}/status`]: () =>
        problem(409, { detail: 'Someone else changed this ticket a moment ago. Look at it again, then choose the status.' }),
    });
    const { user } = await openAdmin(ticketUrl, 'The printer jams');

    expect(screen.getByRole('button', { name: 'Update status' })).toBeDisabled();
    await user.selectOptions(screen.getByLabelText('Status', { exact: true }), 'Resolved');
    await user.click(screen.getByRole('button', { name: 'Update status' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this ticket a moment ago.');
    expect(await server.lastBody(`PUT /api/admin/tickets/${printerTicket.id}/status`)).toEqual({ status: 'Resolved' });
  });
});

const branding = {
  partnerName: 'Northwind MSP',
  color: '#0b3d91',
  logoUrl: '/api/branding/logos/abc',
  supportEmail: 'help@northwind.example',
  supportEmailConfirmed: true,
  supportPhone: null,
  supportHours: null,
};

describe('Settings > Branding', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('lets a partner admin set the colour and support contact, and shows validation sentences', async () => {
    let attempt = 0;
    const server = mockApi({
      ...adminBasics(partnerAdmin),
      'GET /api/admin/branding': () => json(branding),
      'PUT /api/admin/branding': () =>
        ++attempt === 1
          ? problem(400, { title: 'One or more validation errors occurred.', errors: { color: ['Enter the colour as # and six hexadecimal digits, like #1a5fb4.'] } })
          : json({ ...branding, color: '#ffcc00', supportPhone: '+1 555 0100' }),
    });
    const { user } = await openAdmin('/admin/settings', 'Settings');
    await user.click(within(screen.getByRole('navigation', { name: 'Admin' })).getByRole('link', { name: 'Branding' }));
    const colour = await screen.findByLabelText('Colour');

    await user.clear(colour);
    await user.type(colour, 'yellow');
    await user.click(screen.getByRole('button', { name: 'Save branding' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Enter the colour as # and six hexadecimal digits');

    await user.clear(colour);
    await user.type(colour, '#ffcc00');
    await user.type(screen.getByLabelText('Support phone'), '+1 555 0100');
    expect(screen.getByRole('img', { name: "Preview of the portal's banner" })).toHaveStyle({ color: '#000000' });
    await user.click(screen.getByRole('button', { name: 'Save branding' }));

    expect(await screen.findByText(/Your branding was saved/)).toHaveAttribute('role', 'status');
    expect(await server.lastBody('PUT /api/admin/branding')).toEqual({
      color: '#ffcc00',
      supportEmail: 'help@northwind.example',
      supportPhone: '+1 555 0100',
      supportHours: '',
    });
  });

  it('shows a new support address waiting for confirmation, resends its link, and a confirmed one as confirmed', async () => {
    let resends = 0;
    const server = mockApi({
      ...adminBasics(partnerAdmin),
      'GET /api/admin/branding': () => json(branding),
      'PUT /api/admin/branding': () => json({ ...branding, supportEmail: 'desk@northwind.example', supportEmailConfirmed: false }),
      'POST /api/admin/branding/support-email/confirmation': () =>
        ++resends === 1
          ? empty(202)
          : problem(429, { title: 'Too many e-mails to this address', detail: 'We have already sent 5 e-mails to desk@northwind.example in the last 24 hours, the most we send to one address. Try again in 5 hours.' }),
    });
    const { user } = await openAdmin('/admin/settings/branding', 'Branding');

    expect((await screen.findByText('Confirmed')).closest('p')).toHaveTextContent('Confirmed: new-ticket notices are sent to help@northwind.example.');
    const email = screen.getByLabelText('Support e-mail');
    await user.clear(email);
    await user.type(email, 'desk@northwind.example');
    await user.click(screen.getByRole('button', { name: 'Save branding' }));

    expect((await screen.findByText('Waiting for confirmation')).closest('p')).toHaveTextContent('Waiting for confirmation — we sent a link to desk@northwind.example.');
    await user.click(screen.getByRole('button', { name: 'Resend the confirmation link' }));
    expect(await screen.findByText('We sent a new link to desk@northwind.example.')).toHaveAttribute('role', 'status');
    await user.click(screen.getByRole('button', { name: 'Resend the confirmation link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 5 hours.');
    expect(server.requests('POST /api/admin/branding/support-email/confirmation')).toHaveLength(2);
  });

  it('refuses a logo over 256 KB before sending it', async () => {
    const server = mockApi({ ...adminBasics(partnerAdmin), 'GET /api/admin/branding': () => json(branding) });
    const { user } = await openAdmin('/admin/settings/branding', 'Branding');

    await user.upload(await screen.findByLabelText('Logo file'), new File([new Uint8Array(300 * 1024)], 'huge.png', { type: 'image/png' }));

    expect(screen.getByRole('alert')).toHaveTextContent('a logo can be up to 256 KB');
    expect(screen.getByRole('button', { name: 'Upload logo' })).toBeDisabled();
    expect(server.requests('PUT /api/admin/branding/logo')).toHaveLength(0);
  });
});

describe('System status', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('shows operators the live facts from /api/admin/status', async () => {
    mockApi({
      ...operatorBasics(),
      'GET /api/admin/status': () =>
        json({ database: 'SQLite', schemaVersion: '20261129_PortalContent', partners: 2, clients: 5, endUsers: 40, visits: 7, cacheServer: 'Redis protocol 7.2', checkedAt: '2026-11-29T10:00:00Z' }),
    });
    const { user } = await openAdmin('/admin', 'Admin area');

    await user.click(within(screen.getByRole('navigation', { name: 'Admin' })).getByRole('link', { name: 'System status' }));

    expect(await screen.findByText('SQLite')).toBeVisible();
    expect(screen.getByText('20261129_PortalContent')).toBeVisible();
    expect(screen.getByText('Redis protocol 7.2')).toBeVisible();
  });

  it('is not offered to partner staff', async () => {
    mockApi(adminBasics(partnerAdmin));
    await openAdmin('/admin/status', 'System status');

    expect(screen.getByRole('alert')).toHaveTextContent("The system status is for the platform's operators.");
  });
});
