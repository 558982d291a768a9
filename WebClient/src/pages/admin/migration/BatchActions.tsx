import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Modal } from '../../../components/Modal';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { failureOf, useClients } from '../adminApi';
import { ConfirmDialog } from '../ConfirmDialog';
import { count } from '../format';
import { ClientPicker } from './ClientPicker';
import { useBatchAction, useEditBatch, useReschedule, type BatchAction } from './migrationApi';
import type { BatchDetail } from './migrationTypes';
import { readSchedule, scheduleOf } from './schedule';
import { ScheduleFields } from './ScheduleFields';
import { readWindow, windowOf } from './signInWindow';
import { SignInWindowFields } from './SignInWindowFields';
import { formatInZone } from './zonedTime';

type Dialog = 'edit' | 'reschedule' | BatchAction;

interface Props {
  batch: BatchDetail;
  /** Called with the sentence to show on the page once the Api has accepted the change. */
  onDone: (message: string) => void;
}

/** Edit, Reschedule, Cancel and Run now while the batch is scheduled; Roll back batch once it has run. */
export function BatchActions({ batch, onDone }: Props) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const action = useBatchAction(batch.id);
  const when = formatInZone(batch.scheduledAt, batch.timeZone);
  const users = count(batch.counts.total, 'end user', 'end users');

  function open(next: Dialog) {
    action.reset();
    setDialog(next);
  }

  function finish(message: string) {
    setDialog(null);
    onDone(message);
  }

  const confirm = (act: BatchAction, message: string) => action.mutate(act, { onSuccess: () => finish(message) });
  const close = () => setDialog(null);
  const scheduled = batch.status === 'scheduled';
  const hasRun = batch.status === 'completed';

  if (!scheduled && !hasRun) return null;
  return (
    <>
      <div className="actions batch-actions" role="group" aria-label="Batch actions">
        {scheduled && (
          <>
            <button type="button" className="button" onClick={() => open('run')}>
              Run now
            </button>
            <button type="button" className="button secondary" onClick={() => open('edit')}>
              Edit
            </button>
            <button type="button" className="button secondary" onClick={() => open('reschedule')}>
              Reschedule
            </button>
            <button type="button" className="button secondary" onClick={() => open('cancel')}>
              Cancel batch
            </button>
          </>
        )}
        {hasRun && (
          <button type="button" className="button secondary" onClick={() => open('rollback')}>
            Roll back batch
          </button>
        )}
      </div>

      {dialog === 'edit' && <EditBatchDialog batch={batch} onSaved={finish} onCancel={close} />}
      {dialog === 'reschedule' && <RescheduleDialog batch={batch} onSaved={finish} onCancel={close} />}
      {dialog === 'run' && (
        <ConfirmDialog
          title={`Run ${batch.name} now?`}
          confirmLabel="Run now"
          busy={action.isPending}
          failure={failureOf(action.error)}
          onConfirm={() => confirm('run', `${batch.name} has started.`)}
          onCancel={close}
        >
          <p>
            {users} of {batch.clients.map((client) => client.name).join(', ')} move to Single Sign-On now instead of on{' '}
            {when}. From their next sign-in they use Log in with Single Sign-On.
          </p>
        </ConfirmDialog>
      )}
      {dialog === 'cancel' && (
        <ConfirmDialog
          title={`Cancel ${batch.name}?`}
          confirmLabel="Cancel batch"
          cancelLabel="Keep batch"
          danger
          busy={action.isPending}
          failure={failureOf(action.error)}
          onConfirm={() => confirm('cancel', `${batch.name} was cancelled. Partner admins are told by e-mail.`)}
          onCancel={close}
        >
          <p>Nobody is migrated. Partner admins get an e-mail saying the move of {when} is cancelled.</p>
        </ConfirmDialog>
      )}
      {dialog === 'rollback' && (
        <ConfirmDialog
          title={`Roll back ${batch.name}?`}
          confirmLabel="Roll back batch"
          danger
          busy={action.isPending}
          failure={failureOf(action.error)}
          onConfirm={() => confirm('rollback', `${batch.name} was rolled back. Its users sign in with the portal's form again.`)}
          onCancel={close}
        >
          <p>
            Every migrated or linked user of this batch goes back to the portal&apos;s login form, with the password they
            use today. This is possible only while none of them has signed in with Single Sign-On.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

interface DialogProps {
  batch: BatchDetail;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

/** Edit: the batch's name, clients and early moves (its date is changed with Reschedule). */
function EditBatchDialog({ batch, onSaved, onCancel }: DialogProps) {
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

/** Reschedule: a new date, time and zone; partner admins are told the new date. */
function RescheduleDialog({ batch, onSaved, onCancel }: DialogProps) {
  const [schedule, setSchedule] = useState(() => scheduleOf(batch.scheduledAt, batch.timeZone));
  const [problem, setProblem] = useState<string | null>(null);
  const reschedule = useReschedule(batch.id);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const when = readSchedule(schedule);
    setProblem(typeof when === 'string' ? when : null);
    if (typeof when === 'string') return;
    reschedule.mutate(when, {
      onSuccess: () =>
        onSaved(`${batch.name} now runs on ${formatInZone(when.scheduledAt, when.timeZone)}. Partner admins are told by e-mail.`),
    });
  }

  return (
    <Modal title={`Reschedule ${batch.name}`} onClose={reschedule.isPending ? undefined : onCancel}>
      <p>Now: {formatInZone(batch.scheduledAt, batch.timeZone)}</p>
      <form onSubmit={onSubmit} noValidate>
        <ScheduleFields value={schedule} onChange={setSchedule} />
        <ErrorAlert failure={problem ?? failureOf(reschedule.error)} />
        <div className="actions">
          <SubmitButton label="Reschedule" busy={reschedule.isPending} />
          <button type="button" className="button secondary" disabled={reschedule.isPending} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
