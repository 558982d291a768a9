import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { empty, mockApi, problem } from '../test/api';
import { renderAt } from '../test/render';

const button = 'Confirm this address';
const confirmCall = 'POST /api/branding/support-address/confirm';

describe('the support address confirmation page', () => {
  it('explains and waits for a click: opening the link does nothing', async () => {
    const server = mockApi({ [confirmCall]: () => empty(204) });
    renderAt('/confirm-support-address?token=link-1');

    expect(await screen.findByRole('heading', { name: 'Confirm the support address' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: button })).toBeEnabled();
    expect(server.requests(confirmCall)).toHaveLength(0);
  });

  it('posts the token once on click and says what happens next', async () => {
    const server = mockApi({ [confirmCall]: () => empty(204) });
    const { user } = renderAt('/confirm-support-address?token=link-1');

    await user.click(await screen.findByRole('button', { name: button }));

    expect(await screen.findByRole('status')).toHaveTextContent('New-ticket notices from the End User Portal will be sent to this address.');
    expect(server.requests(confirmCall)).toHaveLength(1);
    expect(await server.lastBody(confirmCall)).toEqual({ token: 'link-1' });
  });

  it("shows the Api's sentence for a used or outdated link", async () => {
    mockApi({ [confirmCall]: () => problem(400, { title: 'Link not valid', detail: 'This link has expired, has already been used, or is for an address that has since been changed.' }) });
    const { user } = renderAt('/confirm-support-address?token=used');

    await user.click(await screen.findByRole('button', { name: button }));

    expect(await screen.findByRole('alert')).toHaveTextContent('is for an address that has since been changed');
  });

  it('does not offer the button without a token', async () => {
    const server = mockApi({});
    renderAt('/confirm-support-address');

    expect(await screen.findByRole('alert')).toHaveTextContent('This link is incomplete.');
    expect(screen.queryByRole('button', { name: button })).not.toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });
});
