import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { SubmitButton } from '../components/SubmitButton';
import { useSubmit } from '../components/useSubmit';
import { confirmSupportAddress } from './publicApi';

const missingToken = 'This link is incomplete. Open the link from the e-mail again.';

/**
 * `/confirm-support-address?token=…`: whoever reads a partner's support mailbox confirms that new-ticket
 * notices may be sent to it. It acts only on a button click, never on page load: mail scanners open links.
 */
export function ConfirmSupportAddressPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const [done, setDone] = useState(false);
  const { busy, error, submit } = useSubmit();

  function confirm(token: string) {
    void submit(async () => {
      const result = await confirmSupportAddress(token);
      if (!result.ok) return result.failure;
      setDone(true);
      return 'ok';
    });
  }

  return (
    <main className="page narrow">
      <title>Confirm the support address</title>
      <h1>Confirm the support address</h1>
      {!token ? (
        <ErrorAlert failure={missingToken} />
      ) : done ? (
        <p role="status" className="success">
          Confirmed. New-ticket notices from the End User Portal will be sent to this address.
        </p>
      ) : (
        <>
          <p>
            This address was entered as the support contact of an IT provider on the End User Portal. Confirm that it is
            yours, and we will send it a short notice each time one of their end users opens a ticket.
          </p>
          <p>If you do not know why you received the e-mail, close this page: nothing will be sent to this address.</p>
          <ErrorAlert failure={error} />
          <SubmitButton type="button" label="Confirm this address" busy={busy} onClick={() => confirm(token)} />
        </>
      )}
      <p className="secondary-action">
        <Link to="/">Go to the portal</Link>
      </p>
    </main>
  );
}
