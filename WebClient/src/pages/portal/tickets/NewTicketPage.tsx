import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { failureOf } from '../../../api/query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { deviceListQuery, useOpenTicket } from '../portalApi';
import { portalRoutes, ticketUrl } from '../portalRoutes';
import { attachmentAccept, attachmentHint, attachmentProblem } from './attachmentRules';

const priorities = ['Low', 'Normal', 'High', 'Urgent'].map((value) => ({ value, label: value }));
const noDevice = { value: '', label: 'No particular device' };
const devicePage = 50;

function AttachmentField({ onChange, problem }: { onChange: (file: File | null) => void; problem: string | null }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Attachment</label>
      <input
        id={id}
        type="file"
        accept={attachmentAccept}
        aria-describedby={`${id}-hint`}
        aria-invalid={problem !== null}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
      <p id={`${id}-hint`} className="hint">
        {attachmentHint}
      </p>
      <ErrorAlert failure={problem} />
    </div>
  );
}

/** `/portal/tickets/new`: ask the IT provider for help; `?deviceId=` starts with that device chosen. */
export function NewTicketPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const devices = useQuery(deviceListQuery(1, devicePage));

  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState('Normal');
  const [deviceId, setDeviceId] = useState(params.get('deviceId') ?? '');
  const [attachment, setAttachment] = useState<File | null>(null);
  const tooBig = attachmentProblem(attachment);

  const open = useOpenTicket();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (tooBig) return;
    open.mutate(
      { subject: subject.trim(), description: description.trim(), priority, deviceId: deviceId || null, attachment },
      { onSuccess: (ticket) => void navigate(ticketUrl(ticket.id), { state: { opened: true } }) },
    );
  }

  const deviceOptions = [noDevice, ...(devices.data?.items ?? []).map((device) => ({ value: device.id, label: `${device.name} (${device.type})` }))];

  return (
    <>
      <title>Open a ticket · End User Portal</title>
      <h1>Open a ticket</h1>
      <p className="hint">Tell your IT provider what is wrong. They answer here, and you get an e-mail when they do.</p>
      <form className="panel ticket-form" onSubmit={onSubmit}>
        <TextField label="Subject" required maxLength={200} value={subject} onChange={setSubject} />
        <TextAreaField
          label="Description"
          required
          maxLength={8000}
          rows={8}
          value={description}
          onChange={setDescription}
          hint="What happened, what you expected, and any error message you saw."
        />
        <SelectField label="Priority" value={priority} options={priorities} onChange={setPriority} />
        <SelectField label="Device" value={deviceId} options={deviceOptions} onChange={setDeviceId} />
        {devices.isPending && <p role="status" className="hint">Loading your devices…</p>}
        {devices.isError && <ErrorAlert failure={failureOf(devices.error)} />}
        <AttachmentField onChange={setAttachment} problem={tooBig} />
        <ErrorAlert failure={open.isError ? failureOf(open.error) : null} />
        <div className="actions">
          <SubmitButton label="Submit ticket" busy={open.isPending} disabled={tooBig !== null} />
          <Link to={portalRoutes.tickets}>Cancel</Link>
        </div>
      </form>
    </>
  );
}
