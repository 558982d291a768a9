import { useState } from 'react';

/**
 * The endpoint's signing secret, shown this once (the Api never answers it again): to copy into
 * the receiver's configuration before the page is left.
 */
export function WebhookSecretNotice({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="panel" aria-labelledby="webhook-secret-title">
      <h2 id="webhook-secret-title">Signing secret</h2>
      <p>
        Copy this secret into your receiver now: it verifies that each event came from us. It is not shown again; if it is
        lost, rotate the secret.
      </p>
      <p>
        <code aria-label="Secret">{secret}</code>
      </p>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
          }}
        >
          Copy secret
        </button>
        <button type="button" className="button" onClick={onDone}>
          I have saved it
        </button>
      </div>
      {copied && (
        <p role="status" className="success">
          The secret is on your clipboard.
        </p>
      )}
    </section>
  );
}
