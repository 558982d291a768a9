import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Modal } from '../../../components/Modal';
import { SubmitButton } from '../../../components/SubmitButton';
import { failureOf } from '../adminApi';
import { useReschedule } from './migrationApi';
import { readSchedule, scheduleOf } from './schedule';
import { ScheduleFields } from './ScheduleFields';
import { asksToConfirmShortNotice, type BatchDialogProps } from './shortNotice';
import { formatInZone } from './zonedTime';

/**
 * Reschedule: a new date, time and zone for a scheduled batch, a paused one, or one that left users
 * behind; partner admins are told the new date. An earlier date than partners were told is refused
 * by the Api until the operator confirms the broken notice here.
 */
export function RescheduleDialog({ batch, onSaved, onCancel }: BatchDialogProps) {
  const [schedule, setSchedule] = useState(() => scheduleOf(batch.scheduledAt, batch.timeZone));
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const reschedule = useReschedule(batch.id);
  const failure = failureOf(reschedule.error);
  const shortNotice = confirming && asksToConfirmShortNotice(failure);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const when = readSchedule(schedule);
    setProblem(typeof when === 'string' ? when : null);
    if (typeof when === 'string') return;
    reschedule.mutate(
      confirming ? { ...when, confirmShortNotice: true } : when,
      {
        onSuccess: () =>
          onSaved(`${batch.name} now runs on ${formatInZone(when.scheduledAt, when.timeZone)}. Partner admins are told by e-mail.`),
        onError: (error) => setConfirming(asksToConfirmShortNotice(failureOf(error))),
      },
    );
  }

  return (
    <Modal title={`Reschedule ${batch.name}`} onClose={reschedule.isPending ? undefined : onCancel}>
      <p>Now: {formatInZone(batch.scheduledAt, batch.timeZone)}</p>
      <form onSubmit={onSubmit} noValidate>
        <ScheduleFields
          value={schedule}
          onChange={(next) => {
            setSchedule(next);
            setConfirming(false);
          }}
        />
        {shortNotice ? (
          <p className="warning" role="alert">
            {failure?.message}
          </p>
        ) : (
          <ErrorAlert failure={problem ?? failure} />
        )}
        <div className="actions">
          <SubmitButton label={shortNotice ? 'Move it earlier and e-mail the partners' : 'Reschedule'} busy={reschedule.isPending} />
          <button type="button" className="button secondary" disabled={reschedule.isPending} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
