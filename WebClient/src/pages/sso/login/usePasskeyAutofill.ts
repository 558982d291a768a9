import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailure } from '../../../api/problem';
import type { Outcome } from '../../../components/useSubmit';
import { loadWebAuthn, loginApi, type StepAnswer } from '../loginApi';

/**
 * Passkey autofill on the Email step (WebAuthn conditional mediation): when the browser can offer
 * its passkeys among the Email field's suggestions, a quiet request waits for the user to pick one;
 * picking it signs in at once. Started only here, only when the browser says it can. `stop` ends
 * it before the form's own request: it aborts the waiting request and lets the options request
 * finish first, so its login-transaction cookie cannot land after the one the e-mail opens.
 */
export function usePasskeyAutofill(returnUrl: string, onAnswer: (answer: StepAnswer) => Outcome) {
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const controller = useRef<AbortController | null>(null);
  const preparing = useRef<Promise<unknown>>(Promise.resolve());
  const answer = useRef(onAnswer);
  useEffect(() => {
    answer.current = onAnswer;
  });

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    void (async () => {
      const webauthn = await loadWebAuthn().catch(() => null);
      if (!webauthn || !(await webauthn.autofillAvailable()) || abort.signal.aborted) return;
      const request = loginApi.passkeySignInOptions(returnUrl);
      preparing.current = request;
      const options = await request;
      if (!options.ok || abort.signal.aborted) return;
      let credential: unknown;
      try {
        credential = await webauthn.getPasskey(options.data.publicKey, { conditional: true, signal: abort.signal });
      } catch {
        // Aborted by the page, or the browser gave up: the user did nothing, so nothing to say.
        return;
      }
      const result = await loginApi.passkey(credential);
      const outcome = result.ok ? answer.current(result.data) : result.failure;
      if (typeof outcome === 'object') setFailure(outcome);
    })();
    return () => abort.abort();
  }, [returnUrl]);

  const stop = useCallback(async () => {
    controller.current?.abort();
    await preparing.current;
  }, []);

  return { failure, stop };
}
