import { clientFailure, networkErrorMessage } from '../../../api/problem';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit, type Outcome } from '../../../components/useSubmit';
import { loadWebAuthn, loginApi, type StepAnswer } from '../loginApi';

/**
 * "Use your passkey" after the e-mail: the Api's request options → the browser asks for the passkey
 * (the device's screen lock) → the Api verifies it, and the sign-in is complete: no password, no code.
 */
export function PasskeySignIn({ returnUrl, onAnswer }: { returnUrl: string; onAnswer: (answer: StepAnswer) => Outcome }) {
  const { busy, error, submit } = useSubmit();

  const signInWithPasskey = () =>
    submit(async () => {
      const webauthn = await loadWebAuthn().catch(() => null);
      if (!webauthn) return clientFailure(networkErrorMessage);
      if (!webauthn.passkeysSupported()) return clientFailure(webauthn.notSupportedMessage);
      const options = await loginApi.passkeySignInOptions(returnUrl);
      if (!options.ok) return options.failure;
      let credential: unknown;
      try {
        credential = await webauthn.getPasskey(options.data.publicKey);
      } catch (failure) {
        return clientFailure(webauthn.passkeyErrorMessage(failure));
      }
      const result = await loginApi.passkey(credential);
      return result.ok ? onAnswer(result.data) : result.failure;
    });

  return (
    <div className="passkey-sign-in">
      <SubmitButton type="button" label="Use your passkey" busy={busy} autoFocus onClick={() => void signInWithPasskey()} />
      <ErrorAlert failure={error} />
      <p>Or enter your password:</p>
    </div>
  );
}
