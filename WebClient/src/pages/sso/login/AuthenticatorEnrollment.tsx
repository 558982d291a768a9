import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { failureOf } from '../../../api/query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { useSubmit, type Outcome } from '../../../components/useSubmit';
import { enrollmentQuery, loginApi, type StepAnswer } from '../loginApi';

/** The authenticator app instead of a passkey: QR code or manual key, then one code to prove it works. */
export function AuthenticatorEnrollment({ onEnrolled, onUsePasskey }: {
  onEnrolled: (answer: StepAnswer) => Outcome;
  onUsePasskey: () => void;
}) {
  const enrollment = useQuery(enrollmentQuery());
  const [code, setCode] = useState('');
  const { busy, error, submit } = useSubmit();

  return (
    <>
      <h1>Set up your authenticator</h1>
      {enrollment.isPending && <p role="status">Preparing your authenticator key…</p>}
      {enrollment.isError && <ErrorAlert failure={failureOf(enrollment.error)} />}
      {enrollment.isSuccess && (
        <form
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void submit(async () => {
              const result = await loginApi.confirmEnrollment(code.trim());
              if (!result.ok) return result.failure;
              return onEnrolled(result.data);
            });
          }}
        >
          <p>Scan this QR code with an authenticator app (such as Microsoft Authenticator or Google Authenticator).</p>
          <img
            className="qr"
            src={enrollment.data.qrCodeDataUri}
            alt={`QR code to add ${enrollment.data.accountName} to your authenticator app`}
            width={200}
            height={200}
          />
          <p className="field">
            <label htmlFor="manual-key">Manual key</label>
            <output id="manual-key" data-testid="manual-key" className="manual-key">
              {enrollment.data.manualKey}
            </output>
            <span className="hint">
              Can&apos;t scan? Enter this key in the app for {enrollment.data.issuer} ({enrollment.data.accountName}).
            </span>
          </p>
          <TextField
            label="Authentication code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            autoFocus
            hint="The 6-digit code your app shows now."
            value={code}
            onChange={setCode}
          />
          <ErrorAlert failure={error} />
          <SubmitButton label="Verify" busy={busy} />
        </form>
      )}
      <p className="secondary-action">
        <button type="button" className="link-button" disabled={busy} onClick={onUsePasskey}>
          Add a passkey instead
        </button>
      </p>
    </>
  );
}
