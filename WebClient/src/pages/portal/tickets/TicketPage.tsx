import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { failureOf } from '../../../api/query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { Facts } from '../../../components/Facts';
import { AttachmentList } from '../../../components/AttachmentList';
import { SubmitButton } from '../../../components/SubmitButton';
import { TextAreaField } from '../../../components/TextAreaField';
import { downloadAttachment, ticketQuery, useAddComment, useCloseTicket } from '../portalApi';
import { deviceUrl, newTicketUrl, portalRoutes } from '../portalRoutes';
import type { TicketDetail } from '../portalTypes';
import { Conversation } from '../../../components/Conversation';

function CommentForm({ ticket }: { ticket: TicketDetail }) {
  const [body, setBody] = useState('');
  const [added, setAdded] = useState(false);
  const comment = useAddComment(ticket.id);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAdded(false);
    comment.mutate(body.trim(), {
      onSuccess: () => {
        setBody('');
        setAdded(true);
      },
    });
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="comment-title">
      <h3 id="comment-title" className="visually-hidden">
        Add a comment
      </h3>
      <TextAreaField label="Your comment" required maxLength={8000} value={body} onChange={setBody} />
      <ErrorAlert failure={comment.isError ? failureOf(comment.error) : null} />
      {added && (
        <p role="status" className="success">
          Your comment was added.
        </p>
      )}
      <SubmitButton label="Add comment" busy={comment.isPending} />
    </form>
  );
}

function CloseButton({ ticket }: { ticket: TicketDetail }) {
  const close = useCloseTicket(ticket.id);
  return (
    <>
      <SubmitButton type="button" className="secondary" label="Close ticket" busy={close.isPending} onClick={() => close.mutate()} />
      <ErrorAlert failure={close.isError ? failureOf(close.error) : null} />
    </>
  );
}

function Ticket({ ticket }: { ticket: TicketDetail }) {
  return (
    <>
      <title>{`${ticket.reference} · Tickets · End User Portal`}</title>
      <div className="page-title">
        <h1>{ticket.subject}</h1>
        {ticket.canClose && <CloseButton ticket={ticket} />}
      </div>
      <Facts
        items={[
          ['Reference', ticket.reference],
          ['Status', ticket.status],
          ['Priority', ticket.priority],
          ['Device', ticket.device ? <Link to={deviceUrl(ticket.device.id)}>{ticket.device.name}</Link> : '—'],
          ['Opened by', ticket.openedByName],
          ['Opened', formatDateTime(ticket.createdAt)],
          ['Last update', formatDateTime(ticket.updatedAt)],
        ]}
      />
      <section className="panel" aria-labelledby="description-title">
        <h2 id="description-title">Description</h2>
        <p className="comment-body">{ticket.description}</p>
        <AttachmentList attachments={ticket.attachments} download={(attachment) => downloadAttachment(ticket.id, attachment.id, attachment.fileName)} />
      </section>
      <section className="panel" aria-labelledby="conversation-title">
        <h2 id="conversation-title">Conversation</h2>
        <Conversation comments={ticket.comments} />
        {ticket.canComment ? (
          <CommentForm ticket={ticket} />
        ) : (
          <p>
            This ticket is closed. If you still need help, <Link to={newTicketUrl(ticket.device?.id)}>open a new ticket</Link>.
          </p>
        )}
      </section>
    </>
  );
}

/** `/portal/tickets/:ticketId`: one ticket, its answers, and adding a comment or closing it. */
export function TicketPage() {
  const { ticketId = '' } = useParams();
  const location = useLocation();
  const ticket = useQuery(ticketQuery(ticketId));
  const justOpened = (location.state as { opened?: boolean } | null)?.opened === true;

  return (
    <>
      <p>
        <Link to={portalRoutes.tickets}>Back to tickets</Link>
      </p>
      {justOpened && ticket.isSuccess && (
        <p role="status" className="success">
          Your ticket {ticket.data.reference} was opened. Your IT provider has been told.
        </p>
      )}
      {ticket.isPending && <p role="status">Loading the ticket…</p>}
      {ticket.isError && (
        <>
          <title>Ticket · End User Portal</title>
          <h1>Ticket</h1>
          <ErrorAlert failure={failureOf(ticket.error)} />
        </>
      )}
      {ticket.isSuccess && <Ticket ticket={ticket.data} />}
    </>
  );
}
