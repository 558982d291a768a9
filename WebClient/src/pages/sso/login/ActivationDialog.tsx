import { useState } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Modal } from '../../../components/Modal';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../components/useSubmit';
import { loginApi } from '../loginApi';

/**
 * The right password for an account whose e-mail is not yet verified. The sign-in cannot go on from
 * here: the user activates from the e-mail and starts again, so closing goes back to the first step.
 */
export function ActivationDialog({ email, onClose }: { email: string; onClose: () => void }) {
  const { busy, error, submit } = useSubmit();
  const [resent, setResent] = useState(false);
  return (
    <Modal title="Activate your email account" onClose={onClose}>
      <p>
        We sent an e-mail to <strong>{email}</strong> with a link to activate your account. Open it and follow the
        link, then return to the portal and choose Log in with Single Sign-On again.
      </p>
      <ErrorAlert failure={error} />
      {resent && (
        <p role="status" className="success">
          We sent the activation e-mail again.
        </p>
      )}
      <div className="actions">
        <SubmitButton
          type="button"
          label="Resend activation e-mail"
          busy={busy}
          onClick={() =>
            void submit(async () => {
              setResent(false);
              const result = await loginApi.resendActivation();
              if (!result.ok) return result.failure;
              setResent(true);
              return 'ok';
            })
          }
        />
        <button type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
