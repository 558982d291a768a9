import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../../browser';
import { json, mockApi, problem } from '../../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../../test/auth';
import { openPortal, portalBasics, printerTicket, ticketDetail } from '../../../test/portal';

vi.mock('../../../auth/userManager', async () => {
  const { fakeManager } = await import('../../../test/auth');
  return { getUserManager: () => fakeManager };
});

const ticketRoute = `GET /api/portal/tickets/${printerTicket.id}`;
const url = `/portal/tickets/${printerTicket.id}`;

describe('a ticket', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it("shows the description, the IT provider's answer and the attachment", async () => {
    mockApi({ ...portalBasics(), [ticketRoute]: () => json(ticketDetail()) });
    await openPortal(url, 'The printer jams');

    expect(screen.getByText(/Every second page jams\./)).toBeVisible();
    const conversation = screen.getByRole('region', { name: 'Conversation' });
    expect(within(conversation).getByText('Please try the rear tray.')).toBeVisible();
    expect(within(conversation).getByText(/IT support/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Download printer.log' })).toBeVisible();
  });

  it('adds a comment and shows the conversation as the Api has it now', async () => {
    let comments = ticketDetail().comments;
    const server = mockApi({
      ...portalBasics(),
      [ticketRoute]: () => json(ticketDetail({ comments, status: 'Open' })),
      [`POST /api/portal/tickets/${printerTicket.id}/comments`]: () => {
        comments = [...comments, { id: 'c-2', authorName: 'Ada Lovelace', fromStaff: false, body: 'Still jams.', createdAt: '2026-11-29T11:00:00Z' }];
        return json(comments.at(-1), 201);
      },
    });
    const { user } = await openPortal(url, 'The printer jams');

    await user.type(screen.getByLabelText('Your comment'), 'Still jams.');
    await user.click(screen.getByRole('button', { name: 'Add comment' }));

    expect(await screen.findByText('Your comment was added.')).toHaveAttribute('role', 'status');
    expect(await within(screen.getByRole('region', { name: 'Conversation' })).findByText('Still jams.')).toBeVisible();
    expect(screen.getByLabelText('Your comment')).toHaveValue('');
    expect(await server.lastBody(`POST /api/portal/tickets/${printerTicket.id}/comments`)).toEqual({ body: 'Still jams.' });
  });

  it("shows the Api's sentence when a comment is refused", async () => {
    mockApi({
      ...portalBasics(),
      [ticketRoute]: () => json(ticketDetail()),
      [`POST /api/portal/tickets/${printerTicket.id}/comments`]: () =>
        problem(409, { detail: 'This ticket is closed: it takes no more comments. If you still need help, open a new one.' }),
    });
    const { user } = await openPortal(url, 'The printer jams');

    await user.type(screen.getByLabelText('Your comment'), 'Hello?');
    await user.click(screen.getByRole('button', { name: 'Add comment' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This ticket is closed');
  });

  it('closes the ticket; a closed ticket takes no comments and points to a new one', async () => {
    let closed = false;
    const closedTicket = ticketDetail({ status: 'Closed', canClose: false, canComment: false });
    mockApi({
      ...portalBasics(),
      [ticketRoute]: () => json(closed ? closedTicket : ticketDetail()),
      [`POST /api/portal/tickets/${printerTicket.id}/close`]: () => {
        closed = true;
        return json(closedTicket);
      },
    });
    const { user } = await openPortal(url, 'The printer jams');

    await user.click(screen.getByRole('button', { name: 'Close ticket' }));

    expect(await screen.findByRole('link', { name: 'open a new ticket' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Close ticket' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Your comment')).not.toBeInTheDocument();
  });

  it('downloads the attachment with the access token and hands it to the browser', async () => {
    const download = vi.spyOn(browser, 'download').mockImplementation(() => undefined);
    const server = mockApi({
      ...portalBasics(),
      [ticketRoute]: () => json(ticketDetail()),
      [`GET /api/portal/tickets/${printerTicket.id}/attachments/a-log`]: () =>
        new Response('log line', { headers: { 'Content-Type': 'text/plain', 'Content-Disposition': 'attachment; filename=printer.log' } }),
    });
    const { user } = await openPortal(url, 'The printer jams');

    await user.click(screen.getByRole('button', { name: 'Download printer.log' }));

    await vi.waitFor(() => expect(download).toHaveBeenCalledWith(expect.objectContaining({ size: 8 }), 'printer.log'));
    expect(server.requests(`GET /api/portal/tickets/${printerTicket.id}/attachments/a-log`)[0]?.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it("saves the attachment under the Api's UTF-8 filename*, and under the listed name when that one holds an invisible character", async () => {
    const download = vi.spyOn(browser, 'download').mockImplementation(() => undefined);
    const names = ["filename=\"_cran.log\"; filename*=UTF-8''%C3%89cran.log", "filename=\"evil_gnp.hta\"; filename*=UTF-8''evil%E2%80%AEgnp.hta"];
    mockApi({
      ...portalBasics(),
      [ticketRoute]: () => json(ticketDetail()),
      [`GET /api/portal/tickets/${printerTicket.id}/attachments/a-log`]: () =>
        new Response('log line', { headers: { 'Content-Type': 'text/plain', 'Content-Disposition': `attachment; ${names.shift() ?? ''}` } }),
    });
    const { user } = await openPortal(url, 'The printer jams');

    await user.click(screen.getByRole('button', { name: 'Download printer.log' }));
    await vi.waitFor(() => expect(download).toHaveBeenLastCalledWith(expect.anything(), 'Écran.log'));
    await user.click(screen.getByRole('button', { name: 'Download printer.log' }));
    await vi.waitFor(() => expect(download).toHaveBeenLastCalledWith(expect.anything(), 'printer.log'));
  });

  it("says someone else's ticket is not found", async () => {
    mockApi({ ...portalBasics(), 'GET /api/portal/tickets/t-other': () => problem(404, { detail: 'We could not find that ticket.' }) });
    await openPortal('/portal/tickets/t-other', 'Ticket');

    expect(screen.getByRole('alert')).toHaveTextContent('We could not find that ticket.');
  });
});
