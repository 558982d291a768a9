import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextField } from '../../../components/TextField';
import { failureOf, useClients } from '../adminApi';
import { adminRoutes, batchUrl } from '../adminRoutes';
import { ClientPicker } from './ClientPicker';
import { useCreateBatch } from './migrationApi';
import { OperatorsOnly } from './OperatorsOnly';
import { emptySchedule, readSchedule } from './schedule';
import { ScheduleFields } from './ScheduleFields';
import { noWindow, readWindow } from './signInWindow';
import { SignInWindowFields } from './SignInWindowFields';

/**
 * Migration > Create batch: a name, the clients (grouped by partner), when, in a chosen time zone, and
 * whether users may move earlier by logging in (mixed mode).
 */
export function CreateBatchPage() {
  return (
    <OperatorsOnly title="Create batch">
      <CreateBatchForm />
    </OperatorsOnly>
  );
}

function CreateBatchForm() {
  const clients = useClients();
  const [name, setName] = useState('');
  const [clientIds, setClientIds] = useState<ReadonlySet<string>>(new Set());
  const [schedule, setSchedule] = useState(emptySchedule);
  const [earlyMove, setEarlyMove] = useState(noWindow);
  const [problem, setProblem] = useState<string | null>(null);
  const create = useCreateBatch();
  const navigate = useNavigate();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const when = readSchedule(schedule);
    const early = typeof when === 'string' ? null : readWindow(earlyMove, schedule.timeZone, when.scheduledAt);
    const sentence = !name.trim()
      ? 'Give the batch a name.'
      : clientIds.size === 0
        ? 'Choose at least one client.'
        : typeof when === 'string'
          ? when
          : typeof early === 'string'
            ? early
            : null;
    setProblem(sentence);
    if (sentence !== null || typeof when === 'string' || typeof early === 'string') return;
    create.mutate(
      { name: name.trim(), clientIds: [...clientIds], ...when, ...early },
      { onSuccess: (created) => void navigate(batchUrl(created.id)) },
    );
  }

  return (
    <>
      <p className="hint">
        <Link to={adminRoutes.migration}>Back to the batches</Link>
      </p>
      {clients.isPending && <p role="status">Loading the clients…</p>}
      {clients.isError && <ErrorAlert failure={failureOf(clients.error)} />}
      {clients.isSuccess && (
        <form onSubmit={onSubmit} className="batch-form" noValidate>
          <TextField label="Name" required maxLength={200} autoComplete="off" hint="For example: March wave" value={name} onChange={setName} />
          <ClientPicker clients={clients.data} selected={clientIds} onChange={setClientIds} />
          <ScheduleFields value={schedule} onChange={setSchedule} />
          <SignInWindowFields value={earlyMove} onChange={setEarlyMove} timeZone={schedule.timeZone} />
          <ErrorAlert failure={problem ?? failureOf(create.error)} />
          <div className="actions">
            <SubmitButton label="Create batch" busy={create.isPending} />
            <Link to={adminRoutes.migration} className="button secondary">
              Cancel
            </Link>
          </div>
        </form>
      )}
    </>
  );
}
