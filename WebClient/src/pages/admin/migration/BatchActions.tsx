import { useState } from 'react';
import { failureOf } from '../adminApi';
import { ConfirmDialog } from '../ConfirmDialog';
import { EditBatchDialog } from './EditBatchDialog';
import { useBatchAction, type BatchAction } from './migrationApi';
import type { BatchDetail } from './migrationTypes';
import { RescheduleDialog } from './RescheduleDialog';
import { RunNowDialog } from './RunNowDialog';
import { formatInZone } from './zonedTime';

type Dialog = 'edit' | 'reschedule' | 'run' | BatchAction;

interface Props {
  batch: BatchDetail;
  /** Called with the sentence to show on the page once the Api has accepted the change. */
  onDone: (message: string) => void;
}

/**
 * Run now, Edit, Reschedule and Cancel while the batch is scheduled; Pause while it runs; Resume now
 * and Reschedule once paused; Reschedule (its users left behind run again) and Roll back batch once
 * it has run.
 */
export function BatchActions({ batch, onDone }: Props) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const action = useBatchAction(batch.id);
  const when = formatInZone(batch.scheduledAt, batch.timeZone);

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
  const paused = batch.status === 'paused';
  const hasRun = batch.status === 'completed';
  const leftBehind = hasRun && batch.counts.failed + batch.counts.skipped > 0;

  if (!scheduled && !paused && !hasRun && batch.status !== 'running') return null;
  return (
    <>
      <div className="actions batch-actions" role="group" aria-label="Batch actions">
        {(scheduled || paused) && (
          <button type="button" className="button" onClick={() => open('run')}>
            {paused ? 'Resume now' : 'Run now'}
          </button>
        )}
        {scheduled && (
          <button type="button" className="button secondary" onClick={() => open('edit')}>
            Edit
          </button>
        )}
        {(scheduled || paused || leftBehind) && (
          <button type="button" className="button secondary" onClick={() => open('reschedule')}>
            Reschedule
          </button>
        )}
        {scheduled && (
          <button type="button" className="button secondary" onClick={() => open('cancel')}>
            Cancel batch
          </button>
        )}
        {batch.status === 'running' && (
          <button type="button" className="button secondary" onClick={() => open('pause')}>
            Pause
          </button>
        )}
        {hasRun && (
          <button type="button" className="button secondary" onClick={() => open('rollback')}>
            Roll back batch
          </button>
        )}
      </div>

      {dialog === 'edit' && <EditBatchDialog batch={batch} onSaved={finish} onCancel={close} />}
      {dialog === 'reschedule' && <RescheduleDialog batch={batch} onSaved={finish} onCancel={close} />}
      {dialog === 'run' && <RunNowDialog batch={batch} onSaved={finish} onCancel={close} />}
      {dialog === 'pause' && (
        <ConfirmDialog
          title={`Pause ${batch.name}?`}
          confirmLabel="Pause"
          danger
          busy={action.isPending}
          failure={failureOf(action.error)}
          onConfirm={() => confirm('pause', `${batch.name} was paused. Partner admins are told by e-mail; give it a new date with Reschedule or Resume now.`)}
          onCancel={close}
        >
          <p>
            The run stops after the user in hand. Users moved so far stay on Single Sign-On; the others keep the portal&apos;s
            login form until the batch goes on. Partner admins are e-mailed that the move is paused.
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
          onConfirm={() => confirm('cancel', `${batch.name} was cancelled. Partner admins who were told its date are told by e-mail.`)}
          onCancel={close}
        >
          <p>Nobody is migrated. Partner admins who were told the date get an e-mail saying the move of {when} is cancelled.</p>
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
