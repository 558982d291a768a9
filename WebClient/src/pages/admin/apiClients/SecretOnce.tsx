import { useState } from 'react';
import { Facts } from '../../../components/Facts';
import { Modal } from '../../../components/Modal';

interface Props {
  title: string;
  clientId: string;
  secret: string;
  /** What the old secret does now, after a rotation. */
  note?: string;
  onDone: () => void;
}

/** The client id and secret, shown this once with a copy button; closing the dialog forgets the secret. */
export function SecretOnce({ title, clientId, secret, note, onDone }: Props) {
  const [copied, setCopied] = useState<string | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('The secret is copied.');
    } catch {
      setCopied('Copying did not work here: select the secret and copy it yourself.');
    }
  }

  return (
    <Modal title={title} onClose={onDone}>
      <p className="alert" role="note">
        Copy the secret now and keep it in your script&apos;s secret store. <strong>You will not see it again</strong>: if
        you lose it, rotate the secret.
      </p>
      <Facts
        items={[
          ['Client ID', <code data-testid="api-client-id">{clientId}</code>],
          ['Client secret', <code data-testid="api-client-secret">{secret}</code>],
        ]}
      />
      {note && <p className="hint">{note}</p>}
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy secret
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          Done
        </button>
      </div>
      {copied && <p role="status">{copied}</p>}
    </Modal>
  );
}
