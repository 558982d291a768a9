import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Modal } from '../../../components/Modal';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { failureOf, useClients } from '../adminApi';
import { ClientPicker } from './ClientPicker';
import { useEditBatch } from './migrationApi';
import type { BatchDialogProps } from './shortNotice';
import { readWindow, windowOf } from './signInWindow';
import { SignInWindowFields } from './SignInWindowFields';

/** Edit: the batch's name, clients and early moves (its date is changed with Reschedule). */
export function EditBatchDialog({ batch, onSaved, onCancel }: BatchDialogProps) {
  const clients = useClients();
  const [name, setName] = useState(batch.name);
  const [clientIds, setClientIds] = useState<ReadonlySet<string>>(() => new Set(batch.clients.map((client) => client.id)));
  const [earlyMove, setEarlyMove] = useState(() => windowOf(batch.windowOpensAt, batch.timeZone));
  const [problem, setProblem] = useState<string | null>(null);
  const edit = useEditBatch(batch.id);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const early = readWindow(earlyMove, batch.timeZone, batch.scheduledAt);
    const sentence = !name.trim()
      ? 'Give the batch a name.'
      : clientIds.size === 0
        ? 'Choose at least one client.'
        : typeof early === 'string'
          ? early
          : null;
    setProblem(sentence);
    if (sentence || typeof early === 'string') return;
    edit.mutate(
      { name: name.trim(), clientIds: [...clientIds], ...early },
      { onSuccess: () => onSaved(`Changes to ${name.trim()} were saved.`) },
    );
  }

  return (
    <Modal title={`Edit ${batch.name}`} onClose={edit.isPending ? undefined : onCancel} className="drawer">
      {clients.isPending && <p role="status">Loading the clients…</p>}
      {clients.isError && <ErrorAlert failure={failureOf(clients.error)} />}
      {clients.isSuccess && (
        <form onSubmit={onSubmit} noValidate>
          <TextField label="Name" required maxLength={200} autoComplete="off" value={name} onChange={setName} />
          <ClientPicker clients={clients.data} selected={clientIds} onChange={setClientIds} />
          <SignInWindowFields value={earlyMove} onChange={setEarlyMove} timeZone={batch.timeZone} />
          <ErrorAlert failure={problem ?? failureOf(edit.error)} />
          <div className="actions">
            <SubmitButton label="Save changes" busy={edit.isPending} />
            <button type="button" className="button secondary" disabled={edit.isPending} onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
