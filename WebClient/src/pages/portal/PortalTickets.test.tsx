import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { queryOf } from '../../test/admin';
import { json, mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { laptop, listPage, openPortal, phone, portalBasics, printerTicket } from '../../test/portal';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
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
