import { useState } from 'react';
import { failureOf } from '../adminApi';
import { ConfirmDialog } from '../ConfirmDialog';
import { count } from '../format';
import { useRunNow } from './migrationApi';
import { asksToConfirmShortNotice, partnersWereTold, type BatchDialogProps } from './shortNotice';
import { formatInZone } from './zonedTime';

/**
 * Run now (or Resume, after a pause). When partners were told a later date, the dialog says that
 * the two weeks' notice is broken and the confirmation is "Run now and e-mail the partners"; if the
 * Api finds partners told meanwhile, the dialog turns into that confirmation with its sentence.
 */
export function RunNowDialog({ batch, onSaved, onCancel }: BatchDialogProps) {
  const run = useRunNow(batch.id);
  const [confirming, setConfirming] = useState(() => partnersWereTold(batch));
  const when = formatInZone(batch.scheduledAt, batch.timeZone);
  const paused = batch.status === 'paused';
  const failure = failureOf(run.error);

  function confirm() {
    run.mutate(confirming, {
      onSuccess: () => onSaved(confirming ? `${batch.name} has started. Partner admins are e-mailed the new date now.` : `${batch.name} has started.`),
      onError: (error) => setConfirming((before) => before || asksToConfirmShortNotice(failureOf(error))),
    });
  }

  return (
    <ConfirmDialog
      title={paused ? `Resume ${batch.name} now?` : `Run ${batch.name} now?`}
      confirmLabel={confirming ? 'Run now and e-mail the partners' : paused ? 'Resume now' : 'Run now'}
      danger={confirming}
      busy={run.isPending}
      failure={confirming && asksToConfirmShortNotice(failure) ? null : failure}
      onConfirm={confirm}
      onCancel={onCancel}
    >
      {paused ? (
        <p>The end users of {batch.clients.map((client) => client.name).join(', ')} not moved yet move to Single Sign-On now. Partner admins are e-mailed the new date.</p>
      ) : (
        <p>
          {count(batch.counts.total, 'end user', 'end users')} of {batch.clients.map((client) => client.name).join(', ')} move to Single
          Sign-On now instead of on {when}. From their next sign-in they use Log in with Single Sign-On.
        </p>
      )}
      {confirming && (
        <p className="warning" role="alert">
          {asksToConfirmShortNotice(failure)
            ? failure?.message
            : `Partner admins were told this batch runs on ${when}. Running it now breaks the two weeks' notice they were promised; they are e-mailed at once.`}
        </p>
      )}
    </ConfirmDialog>
  );
}
