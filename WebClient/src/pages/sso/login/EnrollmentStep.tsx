import { useState } from 'react';
import type { Outcome } from '../../../components/useSubmit';
import type { StepAnswer } from '../loginApi';
import { AuthenticatorEnrollment } from './AuthenticatorEnrollment';
import { PasskeyEnrollment } from './PasskeyEnrollment';

/**
 * An account without a second step sets one up, right after the activation link proved the
 * mailbox: a passkey first (one step, nothing to phish), an authenticator app on request. Either
 * satisfies MFA, and either answer carries the recovery codes.
 */
export function EnrollmentStep({ onEnrolled }: { onEnrolled: (answer: StepAnswer) => Outcome }) {
  const [method, setMethod] = useState<'passkey' | 'app'>('passkey');
  return method === 'passkey' ? (
    <PasskeyEnrollment onEnrolled={onEnrolled} onUseApp={() => setMethod('app')} />
  ) : (
    <AuthenticatorEnrollment onEnrolled={onEnrolled} onUsePasskey={() => setMethod('passkey')} />
  );
}
