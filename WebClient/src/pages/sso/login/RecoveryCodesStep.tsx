import { useState } from 'react';
import { SubmitButton } from '../../../components/SubmitButton';
import type { Outcome } from '../../../components/useSubmit';

/** The codes the enrolment answer carried. The Api keeps only their hashes, so this is the one time they are shown. */
export function RecoveryCodesStep({ codes, onContinue }: { codes: string[]; onContinue: () => Outcome }) {
  const [leaving, setLeaving] = useState(false);
  return (
    <>
      <h1>Save your recovery codes</h1>
      <p>
        If you lose your passkey or authenticator app, each of these codes lets you log in once. Keep them somewhere safe: they are
        shown only now.
      </p>
      <ul className="codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <SubmitButton
        type="button"
        label="Continue"
        busy={leaving}
        onClick={() => setLeaving(onContinue() === 'leaving')}
      />
    </>
  );
}
