import { clientFailure, networkErrorMessage } from '../../../api/problem';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit, type Outcome } from '../../../components/useSubmit';
import { loadWebAuthn, loginApi, type StepAnswer } from '../loginApi';

/**
 * "Add a passkey": the Api's creation options → the browser makes the passkey (the device's screen
 * lock confirms it) → the Api verifies and stores it, completing the sign-in with recovery codes.
 * Whatever goes wrong is a sentence here, and the authenticator app stays one click away.
 */
export function PasskeyEnrollment({ onEnrolled, onUseApp }: { onEnrolled: (answer: StepAnswer) => Outcome; onUseApp: () => void }) {
  const { busy, error, submit } = useSubmit();

  const addPasskey = () =>
    submit(async () => {
      const webauthn = await loadWebAuthn().catch(() => null);
      if (!webauthn) return clientFailure(networkErrorMessage);
      if (!webauthn.passkeysSupported()) return clientFailure(webauthn.notSupportedMessage);
      const options = await loginApi.passkeyEnrollmentOptions();
      if (!options.ok) return options.failure;
      let credential: unknown;
      try {
        credential = await webauthn.createPasskey(options.data.publicKey);
      } catch (failure) {
        return clientFailure(webauthn.passkeyErrorMessage(failure));
      }
      const result = await loginApi.confirmPasskeyEnrollment(credential);
      return result.ok ? onEnrolled(result.data) : result.failure;
    });

  return (
    <>
      <h1>Add a passkey</h1>
      <p>
        A passkey lets you sign in with your fingerprint, face or device PIN instead of a code. Your device keeps it and
        only ever uses it on this site, so nobody can trick you into giving it away. It replaces the code from an
        authenticator app: you will not need one.
      </p>
      <ErrorAlert failure={error} />
      <SubmitButton type="button" label="Add a passkey" busy={busy} autoFocus onClick={() => void addPasskey()} />
      <p className="secondary-action">
        <button type="button" className="link-button" disabled={busy} onClick={onUseApp}>
          Use an authenticator app instead
        </button>
      </p>
    </>
  );
}
