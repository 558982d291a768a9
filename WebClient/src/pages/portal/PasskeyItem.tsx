import { useState, type FormEvent } from 'react';
import { failureOf } from '../../api/query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Modal } from '../../components/Modal';
import { SubmitButton } from '../../components/SubmitButton';
import { TextField } from '../../components/TextField';
import { FreshSignInNeeded } from './FreshSignInNeeded';
import { needsFreshSignIn, useRemovePasskey, useRenamePasskey, type PasskeySummary } from './passkeysApi';

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

interface Props {
  passkey: PasskeySummary;
  onRemoved: (name: string) => void;
}

/** One passkey: what it is and when it was used, renamed inline, removed after a confirmation. */
export function PasskeyItem({ passkey, onRemoved }: Props) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(passkey.name);
  const [confirming, setConfirming] = useState(false);
  const rename = useRenamePasskey();
  const remove = useRemovePasskey();
  const removeFailure = failureOf(remove.error);

  function startRename() {
    rename.reset();
    setName(passkey.name);
    setRenaming(true);
  }

  function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    rename.mutate({ id: passkey.id, name: name.trim() }, { onSuccess: () => setRenaming(false) });
  }

  function openConfirm() {
    remove.reset();
    setConfirming(true);
  }

  function onRemove() {
    remove.mutate(passkey.id, {
      onSuccess: () => {
        setConfirming(false);
        onRemoved(passkey.name);
      },
    });
  }

  return (
    <li>
      {renaming ? (
        <form onSubmit={onRename} aria-label={`Rename ${passkey.name}`}>
          <TextField label="Passkey name" required maxLength={100} autoComplete="off" value={name} onChange={setName} />
          <ErrorAlert failure={failureOf(rename.error)} />
          <div className="actions">
            <SubmitButton label="Save name" busy={rename.isPending} />
            <button type="button" className="button secondary" disabled={rename.isPending} onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>
            <strong>{passkey.name}</strong>
          </p>
          <p className="hint">
            {passkey.synced ? 'Synced' : 'This device only'} · added {formatDate(passkey.createdAt)} ·{' '}
            {passkey.lastUsedAt ? `last used ${formatDate(passkey.lastUsedAt)}` : 'not used yet'}
          </p>
          <div className="actions">
            <button type="button" className="button secondary" aria-label={`Rename ${passkey.name}`} onClick={startRename}>
              Rename
            </button>
            <button type="button" className="button secondary" aria-label={`Remove ${passkey.name}`} onClick={openConfirm}>
              Remove
            </button>
          </div>
        </>
      )}
      {confirming && (
        <Modal title={`Remove ${passkey.name}?`} onClose={remove.isPending ? undefined : () => setConfirming(false)}>
          <p>
            You will no longer be able to sign in with this passkey. We will e-mail you that it was removed. Your device may still
            list it: delete it there too.
          </p>
          {needsFreshSignIn(removeFailure) ? <FreshSignInNeeded /> : <ErrorAlert failure={removeFailure} />}
          <div className="actions">
            <SubmitButton type="button" label="Remove passkey" className="danger" busy={remove.isPending} onClick={onRemove} />
            <button type="button" className="button secondary" disabled={remove.isPending} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </Modal>
      )}
    </li>
  );
}
