import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contrastRatio, textColorOn } from '../../components/brandColors';
import { json, mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { deviceDetail, laptop, listPage, openPortal, phone, portalBasics, portalMe, printerTicket } from '../../test/portal';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const queryOf = (request: Request | undefined) => Object.fromEntries(new URL(request?.url ?? 'http://x/').searchParams);

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

describe('tickets', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('says "No tickets yet" with the one way to open one', async () => {
    mockApi(portalBasics());
    await openPortal('/portal/tickets', 'Tickets');

    expect(await screen.findByText('No tickets yet')).toBeVisible();
    expect(screen.getAllByRole('link', { name: 'Open a ticket' })).toHaveLength(1);
  });

  it('filters by status and pages on the server, keeping both in the URL', async () => {
    const server = mockApi({
      ...portalBasics(),
      'GET /api/portal/tickets': () => json(listPage([printerTicket], { total: 45 })),
    });
    const { user } = await openPortal('/portal/tickets', 'Tickets');

    expect(await screen.findByRole('link', { name: 'The printer jams' })).toBeVisible();
    expect(screen.getByText(/Page 1 of 3/)).toBeVisible();
    await user.selectOptions(screen.getByLabelText('Status'), 'closed');
    await user.click(await screen.findByRole('button', { name: 'Next' }));

    await vi.waitFor(() => expect(queryOf(server.requests('GET /api/portal/tickets').at(-1))).toEqual({ status: 'closed', page: '2', pageSize: '20' }));
  });

  it('opens a ticket naming a device, with the attachment, as multipart form data', async () => {
    const server = mockApi({
      ...portalBasics(),
      'GET /api/portal/devices': () => json(listPage([laptop, phone], { pageSize: 50 })),
      'POST /api/portal/tickets': () => json(ticketOf(), 201),
      [`GET /api/portal/tickets/${printerTicket.id}`]: () => json(ticketOf()),
    });
    const { user } = await openPortal(`/portal/tickets/new?deviceId=${phone.id}`, 'Open a ticket');

    await user.type(await screen.findByLabelText('Subject'), 'The printer jams');
    await user.type(screen.getByLabelText('Description'), 'Every second page.');
    await user.selectOptions(screen.getByLabelText('Priority'), 'High');
    await vi.waitFor(() => expect(screen.getByLabelText('Device')).toHaveValue(phone.id));
    await user.upload(screen.getByLabelText('Attachment'), new File(['log line'], 'printer.log', { type: 'text/plain' }));
    await user.click(screen.getByRole('button', { name: 'Submit ticket' }));

    expect(await screen.findByText(/Your ticket T-ABCD1234 was opened\./)).toHaveAttribute('role', 'status');
    expect(screen.getByRole('heading', { level: 1, name: 'The printer jams' })).toBeVisible();
    const sent = await server.requests('POST /api/portal/tickets')[0]?.formData();
    expect(sent?.get('subject')).toBe('The printer jams');
    expect(sent?.get('priority')).toBe('High');
    expect(sent?.get('deviceId')).toBe(phone.id);
    // (jsdom's File reaches the test's Request as a bare blob: its name and bytes are the browser's business.)
    expect(sent?.has('attachment')).toBe(true);
  });

  it('offers only the kinds of file the Api accepts, and says which they are', async () => {
    mockApi(portalBasics());
    await openPortal('/portal/tickets/new', 'Open a ticket');

    const picker = await screen.findByLabelText('Attachment');
    expect(picker).toHaveAttribute('accept', '.png,.jpg,.jpeg,.gif,.webp,.pdf,.txt,.log,.csv,.docx,.xlsx,.pptx,.zip');
    expect(picker).toHaveAccessibleDescription(
      'Optional. One file up to 5 MB: a picture (PNG, JPEG, GIF or WebP), a PDF, a text file (.txt, .log or .csv), a Word, Excel or PowerPoint document without macros, or a .zip file.',
    );
  });

  it('refuses a file over 5 MB before sending anything', async () => {
    const server = mockApi(portalBasics());
    const { user } = await openPortal('/portal/tickets/new', 'Open a ticket');
    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'video.zip', { type: 'application/zip' });

    await user.upload(await screen.findByLabelText('Attachment'), big);

    expect(screen.getByRole('alert')).toHaveTextContent('video.zip is 5 MB; an attachment can be up to 5 MB.');
    expect(screen.getByRole('button', { name: 'Submit ticket' })).toBeDisabled();
    expect(server.requests('POST /api/portal/tickets')).toHaveLength(0);
  });

  it("shows the Api's sentence when the ticket is refused", async () => {
    mockApi({
      ...portalBasics(),
      'POST /api/portal/tickets': () =>
        new Response(JSON.stringify({ status: 415, detail: 'This kind of file cannot be attached. We accept pictures (PNG, JPEG, GIF, WebP), PDF, text files (.txt, .log, .csv), Word, Excel and PowerPoint documents without macros, and .zip files.' }), {
          status: 415,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    });
    const { user } = await openPortal('/portal/tickets/new', 'Open a ticket');

    await user.type(await screen.findByLabelText('Subject'), 'S');
    await user.type(screen.getByLabelText('Description'), 'D');
    await user.click(screen.getByRole('button', { name: 'Submit ticket' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This kind of file cannot be attached.');
  });

  it("shows the limit's sentence when too many tickets were opened", async () => {
    mockApi({
      ...portalBasics(),
      'POST /api/portal/tickets': () =>
        new Response(JSON.stringify({ status: 429, title: 'Too many tickets', detail: 'You have opened many tickets in the last hour. Try again in 12 minutes.', retryAfter: 720 }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '720' },
        }),
    });
    const { user } = await openPortal('/portal/tickets/new', 'Open a ticket');

    await user.type(await screen.findByLabelText('Subject'), 'S');
    await user.type(screen.getByLabelText('Description'), 'D');
    await user.click(screen.getByRole('button', { name: 'Submit ticket' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('You have opened many tickets in the last hour. Try again in 12 minutes.');
    expect(screen.getByLabelText('Subject')).toHaveValue('S');
  });
});

const ticketOf = () => ({
  id: printerTicket.id,
  reference: printerTicket.reference,
  subject: printerTicket.subject,
  description: 'Every second page jams.',
  status: 'Waiting for you',
  priority: 'Normal',
  clientName: 'Contoso',
  openedByName: 'Ada Lovelace',
  device: { id: laptop.id, name: laptop.name },
  createdAt: printerTicket.createdAt,
  updatedAt: printerTicket.updatedAt,
  attachments: [],
  comments: [{ id: 'c-1', authorName: 'Tom Technician', fromStaff: true, body: 'Please try the rear tray.', createdAt: printerTicket.updatedAt }],
  canComment: true,
  canClose: true,
});

describe('devices and help', () => {
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
