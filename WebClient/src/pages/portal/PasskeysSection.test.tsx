import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { portalMe } from '../../test/portal';
import { renderAt } from '../../test/render';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const me = portalMe({ name: 'Erin Enrolled', email: 'erin@contoso.example' });
const phone = { id: 'cGhvbmU', name: 'Pixel phone', createdAt: '2026-11-20T08:00:00Z', lastUsedAt: '2026-11-29T09:00:00Z', synced: true };
const key = { id: 'a2V5', name: 'YubiKey', createdAt: '2026-11-01T08:00:00Z', lastUsedAt: null, synced: false };
const added = { id: 'bmV3', name: 'Passkey added 2026-11-30', createdAt: '2026-11-30T10:00:00Z', lastUsedAt: null, synced: true };
const creationOptions = {
  challenge: 'Y2hhbGxlbmdl',
  rp: { id: 'localhost', name: 'Portal' },
  user: { id: 'dXNlci0x', name: 'erin@contoso.example', displayName: 'Erin Enrolled' },
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  excludeCredentials: [{ id: 'cGhvbmU', type: 'public-key' }],
};
const credentialJson = { id: 'bmV3', rawId: 'bmV3', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'o2M' } };
const freshSignInNeeded = () =>
  problem(403, {
    type: 'https://portal.example/problems/fresh-sign-in-needed',
    title: 'Sign in again',
    detail: 'For your security, sign in again before changing your passkeys (your last sign-in is more than 5 minutes old).',
  });

const create = vi.fn<(options: CredentialCreationOptions) => Promise<unknown>>();
const region = () => screen.findByRole('region', { name: 'Passkeys' });

describe('Edit Profile: passkeys', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
    // A browser without the Level 3 JSON helpers: the page converts base64url itself.
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    create.mockReset().mockResolvedValue({ toJSON: () => credentialJson });
    Object.defineProperty(navigator, 'credentials', { value: { create }, configurable: true });
  });

  afterEach(() => {
    Reflect.deleteProperty(navigator, 'credentials');
  });

  it('lists each passkey with where it lives and when it was used', async () => {
    mockApi({ 'GET /api/portal/me': () => json(me), 'GET /api/sso/passkeys': () => json({ passkeys: [phone, key] }) });
    renderAt('/portal/profile');
    const passkeys = await region();

    const items = await within(passkeys).findAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Pixel phone');
    expect(items[0]).toHaveTextContent(/Synced · added .* · last used /);
    expect(items[1]).toHaveTextContent('YubiKey');
    expect(items[1]).toHaveTextContent(/This device only · added .* · not used yet/);
    expect(within(passkeys).getByRole('button', { name: 'Rename YubiKey' })).toBeVisible();
    expect(within(passkeys).getByRole('button', { name: 'Remove YubiKey' })).toBeVisible();
  });

  it('is not offered to a user who still signs in with the legacy login', async () => {
    const server = mockApi({ 'GET /api/portal/me': () => json(portalMe({ migratedToSso: false, canChangePassword: true })) });
    renderAt('/portal/profile');

    expect(await screen.findByLabelText('Current password')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Passkeys' })).not.toBeInTheDocument();
    expect(server.requests('GET /api/sso/passkeys')).toHaveLength(0);
  });

  it("adds a passkey with the SSO's options and shows it in the list", async () => {
    const answer = deferred<Response>();
    let saved = false;
    const server = mockApi({
      'GET /api/portal/me': () => json(me),
      'GET /api/sso/passkeys': () => json({ passkeys: saved ? [added, phone] : [phone] }),
      'POST /api/sso/passkeys/options': () => json({ publicKey: creationOptions }),
      'POST /api/sso/passkeys': () => answer.promise,
    });
    const { user } = renderAt('/portal/profile');
    const passkeys = await region();

    await user.click(await within(passkeys).findByRole('button', { name: 'Add a passkey' }));

    await vi.waitFor(() => expect(within(passkeys).getByRole('button', { name: /^Add a passkey/ })).toHaveAttribute('aria-busy', 'true'));
    const publicKey = create.mock.calls[0]![0].publicKey!;
    expect(new TextDecoder().decode(publicKey.challenge as ArrayBuffer)).toBe('challenge');
    expect(new TextDecoder().decode(publicKey.user.id as ArrayBuffer)).toBe('user-1');
    expect(new TextDecoder().decode(publicKey.excludeCredentials![0]!.id as ArrayBuffer)).toBe('phone');
    saved = true;
    answer.resolve(json(added, 201));
    expect(await within(passkeys).findByRole('status')).toHaveTextContent('Passkey added 2026-11-30 was added. You can now sign in with it.');
    expect(await within(passkeys).findByText('Passkey added 2026-11-30')).toBeVisible();
    expect(await server.lastBody('POST /api/sso/passkeys')).toEqual({ credential: credentialJson, name: null });
  });

  it('says so, and adds nothing, when the browser window is closed', async () => {
    create.mockRejectedValue(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'));
    const server = mockApi({ 'GET /api/portal/me': () => json(me), 'POST /api/sso/passkeys/options': () => json({ publicKey: creationOptions }) });
    const { user } = renderAt('/portal/profile');
    const passkeys = await region();

    await user.click(await within(passkeys).findByRole('button', { name: 'Add a passkey' }));

    expect(await within(passkeys).findByRole('alert')).toHaveTextContent('No passkey was added: the passkey window was closed');
    expect(server.requests('POST /api/sso/passkeys')).toHaveLength(0);
  });

  it('explains the 5-minute rule and signs in again, coming back to Edit Profile', async () => {
    mockApi({ 'GET /api/portal/me': () => json(me), 'POST /api/sso/passkeys/options': freshSignInNeeded });
    const { user } = renderAt('/portal/profile');
    const passkeys = await region();

    await user.click(await within(passkeys).findByRole('button', { name: 'Add a passkey' }));

    expect(await within(passkeys).findByRole('alert')).toHaveTextContent('changing your passkeys needs a sign-in from the last 5 minutes');
    expect(create).not.toHaveBeenCalled();
    await user.click(within(passkeys).getByRole('button', { name: 'Sign in again' }));
    await vi.waitFor(() =>
      expect(fakeManager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/portal/profile' }, prompt: 'login' }),
    );
  });

  it('renames a passkey inline, in a labelled field', async () => {
    let name = 'YubiKey';
    const server = mockApi({
      'GET /api/portal/me': () => json(me),
      'GET /api/sso/passkeys': () => json({ passkeys: [{ ...key, name }] }),
      'PUT /api/sso/passkeys/a2V5/name': () => {
        name = 'Desk key';
        return empty(204);
      },
    });
    const { user } = renderAt('/portal/profile');
    const passkeys = await region();

    await user.click(await within(passkeys).findByRole('button', { name: 'Rename YubiKey' }));
    const field = within(passkeys).getByLabelText('Passkey name');
    expect(field).toHaveValue('YubiKey');
    await user.clear(field);
    await user.type(field, '  Desk key ');
    await user.click(within(passkeys).getByRole('button', { name: 'Save name' }));

    expect(await within(passkeys).findByText('Desk key')).toBeVisible();
    expect(within(passkeys).queryByLabelText('Passkey name')).not.toBeInTheDocument();
    expect(await server.lastBody('PUT /api/sso/passkeys/a2V5/name')).toEqual({ name: 'Desk key' });
  });

  it("shows the Api's sentence beside the name it refused", async () => {
    mockApi({
      'GET /api/portal/me': () => json(me),
      'GET /api/sso/passkeys': () => json({ passkeys: [key] }),
      'PUT /api/sso/passkeys/a2V5/name': () =>
        problem(400, { title: 'One or more validation errors occurred.', errors: { name: ['Give the passkey a name of at most 100 characters.'] } }),
    });
    const { user } = renderAt('/portal/profile');
    const passkeys = await region();

    await user.click(await within(passkeys).findByRole('button', { name: 'Rename YubiKey' }));
    await user.click(within(passkeys).getByRole('button', { name: 'Save name' }));

    expect(await within(passkeys).findByRole('alert')).toHaveTextContent('Give the passkey a name of at most 100 characters.');
    expect(within(passkeys).getByLabelText('Passkey name')).toBeVisible();
  });

  it('removes a passkey after a confirmation', async () => {
    let removed = false;
    const server = mockApi({
      'GET /api/portal/me': () => json(me),
      'GET /api/sso/passkeys': () => json({ passkeys: removed ? [phone] : [phone, key] }),
      'DELETE /api/sso/passkeys/a2V5': () => {
        removed = true;
        return empty(204);
      },
    });
    const { user } = renderAt('/portal/profile');
    const passkeys = await region();

    await user.click(await within(passkeys).findByRole('button', { name: 'Remove YubiKey' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove YubiKey?' });
    expect(dialog).toHaveTextContent('You will no longer be able to sign in with this passkey.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove passkey' }));

    expect(await within(passkeys).findByRole('status')).toHaveTextContent('YubiKey was removed.');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await vi.waitFor(() => expect(within(passkeys).queryByText('YubiKey')).not.toBeInTheDocument());
    expect(server.requests('DELETE /api/sso/passkeys/a2V5')).toHaveLength(1);
  });

  it('keeps the passkey and offers a new sign-in when the last one is too old', async () => {
    mockApi({
      'GET /api/portal/me': () => json(me),
      'GET /api/sso/passkeys': () => json({ passkeys: [key] }),
      'DELETE /api/sso/passkeys/a2V5': freshSignInNeeded,
    });
    const { user } = renderAt('/portal/profile');
    const passkeys = await region();

    await user.click(await within(passkeys).findByRole('button', { name: 'Remove YubiKey' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove YubiKey?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove passkey' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('needs a sign-in from the last 5 minutes');
    await user.click(within(dialog).getByRole('button', { name: 'Sign in again' }));
    await vi.waitFor(() => expect(fakeManager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/portal/profile' }, prompt: 'login' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(within(passkeys).getByText('YubiKey')).toBeVisible();
  });

  it('says so when the list cannot be loaded', async () => {
    const answer = deferred<Response>();
    mockApi({ 'GET /api/portal/me': () => json(me), 'GET /api/sso/passkeys': () => answer.promise });
    renderAt('/portal/profile');
    const passkeys = await region();

    expect(within(passkeys).getByRole('status')).toHaveTextContent('Loading your passkeys…');
    answer.resolve(problem(503, { detail: 'The service is temporarily unavailable. Nothing was changed; please try again in a moment.' }));
    expect(await within(passkeys).findByRole('alert')).toHaveTextContent('The service is temporarily unavailable.');
  });
});
