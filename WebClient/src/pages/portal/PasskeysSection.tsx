import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { failureOf } from '../../api/query';
import { clientFailure, type ApiFailure } from '../../api/problem';
import { passkeysSupported } from '../../auth/webauthn';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SubmitButton } from '../../components/SubmitButton';
import { FreshSignInNeeded } from './FreshSignInNeeded';
import { PasskeyItem } from './PasskeyItem';
import { needsFreshSignIn, PasskeyCancelled, passkeysQuery, useAddPasskey } from './passkeysApi';

/** What went wrong while adding, in words: the browser's refusals have names, the SSO's have sentences. */
function addFailure(error: unknown): ApiFailure | null {
  if (error === null) return null;
  if (error instanceof PasskeyCancelled) return clientFailure('No passkey was added: the passkey window was closed before it finished.');
  if (error instanceof DOMException && error.name === 'InvalidStateError') {
    return clientFailure('This device already has a passkey for your account. Use it, or add one on another device.');
  }
  if (error instanceof DOMException) return clientFailure('Your browser could not make a passkey. Try again, or use another device.');
  return failureOf(error);
}

/**
 * Edit Profile → Security → Passkeys: a migrated user's passkeys (kept by the SSO), and adding
 * another one with this device's screen lock, a phone or a security key.
 */
export function PasskeysSection() {
  const passkeys = useQuery(passkeysQuery());
  const add = useAddPasskey();
  const [notice, setNotice] = useState<string | null>(null);
  const failure = addFailure(add.error);

  function onAdd() {
    setNotice(null);
    add.reset();
    add.mutate(null, { onSuccess: (added) => setNotice(`${added.name} was added. You can now sign in with it.`) });
  }

  return (
    <section className="panel" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">Passkeys</h2>
      <p className="hint">
        A passkey signs you in with your fingerprint, face or screen lock instead of your password and code, and it only
        works on this site, so a look-alike page cannot steal it.
      </p>
      {passkeys.isPending && <p role="status">Loading your passkeys…</p>}
      {passkeys.isError && <ErrorAlert failure={failureOf(passkeys.error)} />}
      {passkeys.isSuccess &&
        (passkeys.data.passkeys.length === 0 ? (
          <p>You have no passkeys yet.</p>
        ) : (
          <ul className="passkeys">
            {passkeys.data.passkeys.map((passkey) => (
              <PasskeyItem key={passkey.id} passkey={passkey} onRemoved={(name) => setNotice(`${name} was removed.`)} />
            ))}
          </ul>
        ))}
      {passkeysSupported() ? (
        <SubmitButton type="button" label="Add a passkey" busy={add.isPending} onClick={onAdd} />
      ) : (
        <p className="hint">This browser cannot make passkeys. Use a current version of Chrome, Edge, Firefox or Safari.</p>
      )}
      {needsFreshSignIn(failure) ? <FreshSignInNeeded /> : <ErrorAlert failure={failure} />}
      {notice && (
        <p role="status" className="success">
          {notice}
        </p>
      )}
    </section>
  );
}
