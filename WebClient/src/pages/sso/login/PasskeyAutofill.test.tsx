import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../../browser';
import { deferred, json, mockApi, problem } from '../../../test/api';
import { renderAt } from '../../../test/render';
import { authorizeUrl, loginUrl } from '../../../test/ssoLogin';
import { credentialJson, fakeCredential, pendingUntilAborted, requestOptions, stubWebAuthn } from '../../../test/webauthn';

describe('passkey autofill on the Email field', () => {
  beforeEach(() => {
    vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
  });

  it('waits quietly for a passkey picked from the Email suggestions, which signs in at once', async () => {
    const picked = deferred<unknown>();
    const credentials = stubWebAuthn({ conditional: true, get: () => picked.promise });
    const server = mockApi({
      'POST /api/sso/login/passkey/options': () => json(requestOptions),
      'POST /api/sso/login/passkey': () => json({ step: 'done', redirectUrl: authorizeUrl }),
    });
    renderAt(loginUrl);

    expect(screen.getByLabelText('Email')).toHaveAttribute('autocomplete', 'username webauthn');
    await vi.waitFor(() => expect(credentials.get).toHaveBeenCalled());
    expect(credentials.get.mock.calls[0]![0].mediation).toBe('conditional');
    expect(await server.lastBody('POST /api/sso/login/passkey/options')).toEqual({ returnUrl: authorizeUrl });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    picked.resolve(fakeCredential);

    await vi.waitFor(() => expect(browser.assign).toHaveBeenCalledWith(authorizeUrl));
    expect(await server.lastBody('POST /api/sso/login/passkey')).toEqual({ credential: credentialJson });
  });

  it('is ended when the user goes on with the e-mail instead', async () => {
    const credentials = stubWebAuthn({ conditional: true, get: pendingUntilAborted });
    const server = mockApi({
      'POST /api/sso/login/passkey/options': () => json(requestOptions),
      'POST /api/sso/login/start': () => json({ step: 'password' }),
    });
    const { user } = renderAt(loginUrl);
    await vi.waitFor(() => expect(credentials.get).toHaveBeenCalled());

    await user.type(screen.getByLabelText('Email'), 'ada@contoso.example');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByLabelText('Password')).toBeVisible();
    expect(credentials.get.mock.calls[0]![0].signal!.aborted).toBe(true);
    expect(server.calls.map((call) => call.key)).toEqual(['POST /api/sso/login/passkey/options', 'POST /api/sso/login/start']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is not started where the browser cannot offer passkeys in autofill', async () => {
    const credentials = stubWebAuthn({ conditional: false });
    const server = mockApi({});
    renderAt(loginUrl);

    await vi.waitFor(() => expect(credentials.autofillAsked).toHaveBeenCalled());
    // The browser's answer (false) is settled on the next task; nothing may follow it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(credentials.get).not.toHaveBeenCalled();
    expect(server.calls).toHaveLength(0);
  });

  it('shows the Api sentence when the picked passkey is not verified', async () => {
    const sentence = 'Your passkey could not be verified. Try again, or sign in with your password.';
    stubWebAuthn({ conditional: true });
    mockApi({
      'POST /api/sso/login/passkey/options': () => json(requestOptions),
      'POST /api/sso/login/passkey': () => problem(400, { title: 'Bad Request', detail: sentence }),
    });
    renderAt(loginUrl);

    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
    expect(browser.assign).not.toHaveBeenCalled();
  });
});
