import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Conversation } from '../../../components/Conversation';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { Facts } from '../../../components/Facts';
import { AttachmentList } from '../../../components/AttachmentList';
import { SelectField } from '../../../components/SelectField';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { failureOf } from '../adminApi';
import { adminRoutes } from '../adminRoutes';
import type { AdminTicketDetail } from '../adminTypes';
import { adminTicketQuery, downloadAdminAttachment, useAnswerTicket, useSetTicketStatus } from './adminTicketsApi';

function AnswerForm({ ticket }: { ticket: AdminTicketDetail }) {
  const [body, setBody] = useState('');
  const [status, setStatus] = useState('');
  const [sent, setSent] = useState(false);
  const answer = useAnswerTicket(ticket.id, () => {
    setBody('');
    setStatus('');
    setSent(true);
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSent(false);
    answer.mutate({ body: body.trim(), status: status || null });
  }

  const options = [
    { value: '', label: ticket.status === 'Open' ? 'Waiting for you (the usual after an answer)' : `Keep ${ticket.status}` },
    ...ticket.statuses.filter((name) => name !== ticket.status).map((name) => ({ value: name, label: name })),
  ];

  return (
    <form onSubmit={onSubmit} aria-labelledby="answer-title">
      <h2 id="answer-title">Answer</h2>
      <TextAreaField
        label="Your answer"
        required
        maxLength={8000}
        rows={6}
        value={body}
        onChange={setBody}
        hint="The end user sees it in the portal and gets an e-mail saying there is an answer (without its text)."
      />
      <SelectField label="Status after the answer" value={status} options={options} onChange={setStatus} />
      <ErrorAlert failure={answer.isError ? failureOf(answer.error) : null} />
      {sent && (
        <p role="status" className="success">
          Your answer was sent.
        </p>
      )}
      <SubmitButton label="Send answer" busy={answer.isPending} />
    </form>
  );
}

function StatusForm({ ticket }: { ticket: AdminTicketDetail }) {
  const [status, setStatus] = useState(ticket.status);
  const [done, setDone] = useState<string | null>(null);
  const update = useSetTicketStatus(ticket.id, (updated) => setDone(`The status is now ${updated.status}.`));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    update.mutate(status);
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="status-title" className="status-form">
      <h2 id="status-title">Change the status</h2>
      <SelectField
        label="Status"
        value={status}
        options={ticket.statuses.map((name) => ({ value: name, label: name }))}
        onChange={setStatus}
      />
      <ErrorAlert failure={update.isError ? failureOf(update.error) : null} />
      {done && (
        <p role="status" className="success">
          {done}
        </p>
      )}
      <SubmitButton label="Update status" busy={update.isPending} disabled={status === ticket.status} />
    </form>
  );
}

function Ticket({ ticket }: { ticket: AdminTicketDetail }) {
  const facts: [string, string][] = [
    ['Reference', ticket.reference],
    ['Status', ticket.status],
    ['Priority', ticket.priority],
    ['Client', ticket.clientName],
    ['Opened by', `${ticket.openedByName} (${ticket.openedByEmail})`],
    ['Device', ticket.device?.name ?? '—'],
    ['Opened', formatDateTime(ticket.createdAt)],
    ['Last update', formatDateTime(ticket.updatedAt)],
  ];
  return (
    <>
      <title>{`${ticket.reference} · Tickets · Admin · End User Portal`}</title>
      <h1>{ticket.subject}</h1>
      <Facts items={facts} />
      <section className="panel" aria-labelledby="description-title">
        <h2 id="description-title">Description</h2>
        <p className="comment-body">{ticket.description}</p>
        <AttachmentList
          attachments={ticket.attachments}
          download={(attachment) => downloadAdminAttachment(ticket.id, attachment.id, attachment.fileName)}
        />
      </section>
      <section className="panel" aria-labelledby="conversation-title">
        <h2 id="conversation-title">Conversation</h2>
        <Conversation comments={ticket.comments} />
      </section>
      <div className="panel">{ticket.canComment ? <AnswerForm ticket={ticket} /> : <p>This ticket is closed: it takes no more answers.</p>}</div>
      <div className="panel">
        {/* Keyed by status: after a change the select starts from the ticket's new status. */}
        <StatusForm key={ticket.status} ticket={ticket} />
      </div>
    </>
  );
}

/** `/admin/tickets/:ticketId`: one ticket; staff answer it and change its status. */
export function AdminTicketPage() {
  const { ticketId = '' } = useParams();
  const ticket = useQuery(adminTicketQuery(ticketId));

  return (
    <>
      <p>
        <Link to={adminRoutes.tickets}>Back to tickets</Link>
      </p>
      {ticket.isPending && <p role="status">Loading the ticket…</p>}
      {ticket.isError && (
        <>
          <title>Ticket · Admin · End User Portal</title>
          <h1>Ticket</h1>
          <ErrorAlert failure={failureOf(ticket.error)} />
        </>
      )}
      {ticket.isSuccess && <Ticket ticket={ticket.data} />}
    </>
  );
}
