import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DataList } from '../../../components/DataList';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Modal } from '../../../components/Modal';
import { SubmitButton } from '../../../components/SubmitButton';
import { failureOf } from '../adminApi';
import { adminRoutes } from '../adminRoutes';
import type { EmailDelivery, EndUserRow } from '../adminTypes';
import { formatDateTime } from '../format';
import { useStaff } from '../staff';
import { allowedActions } from './endUserActions';
import { endUserQuery, useRowAction } from './endUsersApi';
import { migrationStateHelp } from './migrationState';
import { MigratedMark, SsoStateText, StatusText } from './EndUsersTable';

function DeliveryState({ email }: { email: EmailDelivery }) {
  switch (email.state) {
    case 'sent':
      return <>Sent{email.sentAt && ` ${formatDateTime(email.sentAt)}`}</>;
    case 'queued':
      return <>Queued{email.attempts > 0 && ` (${email.attempts} attempts so far)`}</>;
    case 'failed':
      return (
        <span className="failed">
          Failed after {email.attempts} {email.attempts === 1 ? 'attempt' : 'attempts'}
          {email.error && `: ${email.error}`}
        </span>
      );
    default:
      return <>{email.state}</>;
  }
}

/** The details panel of one end user: their facts and the e-mails sent to them, with Resend. */
export function EndUserDetails({ user, onClose }: { user: EndUserRow; onClose: () => void }) {
  const staff = useStaff();
  const detail = useQuery(endUserQuery(user.id));
  const resend = useRowAction();
  const current = detail.data?.user ?? user;
  const canResend = allowedActions(staff, current).includes('resend-activation');

  return (
    <Modal title={current.name} onClose={onClose} className="drawer">
      <dl className="facts">
        <div>
          <dt>Email</dt>
          <dd>{current.email}</dd>
        </div>
        <div>
          <dt>Client</dt>
          <dd>{current.clientName}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{current.role}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusText user={current} />
          </dd>
        </div>
        <div>
          <dt>Migrated to SSO</dt>
          <dd>
            <MigratedMark user={current} />
            {current.migration && <p className="hint">{migrationStateHelp(current.migration)}</p>}
          </dd>
        </div>
        <div>
          <dt>SSO state</dt>
          <dd>
            <SsoStateText user={current} />
          </dd>
        </div>
        <div>
          <dt>Last login</dt>
          <dd>{current.lastLoginAt ? formatDateTime(current.lastLoginAt) : 'Never'}</dd>
        </div>
      </dl>

      <section aria-labelledby="deliveries-title">
        <h3 id="deliveries-title">E-mails sent</h3>
        <DataList query={detail} loading="Loading the e-mails…" empty="No e-mails were sent to this user yet." rows={(data) => data.emails}>
          {(emails) => (
            <table>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Subject</th>
                  <th scope="col">Time</th>
                  <th scope="col">Delivery</th>
                </tr>
              </thead>
              <tbody>
                {emails.map((email) => (
                  <tr key={email.id}>
                    <td>{email.kind}</td>
                    <td>{email.subject}</td>
                    <td>{formatDateTime(email.createdAt)}</td>
                    <td>
                      <DeliveryState email={email} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </DataList>
      </section>

      <ErrorAlert failure={failureOf(resend.error)} />
      {resend.isSuccess && (
        <p role="status" className="success">
          {resend.data}
        </p>
      )}
      <div className="actions">
        {canResend && (
          <SubmitButton
            type="button"
            label={current.accessRequest ? 'Ask again' : 'Resend'}
            aria-label={
              current.accessRequest
                ? `Ask ${current.name} again to accept`
                : `Resend the ${current.migratedToSso ? 'activation' : 'set-password'} e-mail to ${current.name}`
            }
            busy={resend.isPending}
            onClick={() => resend.mutate({ action: 'resend-activation', user: current })}
          />
        )}
        <Link to={`${adminRoutes.audit}?targetId=${encodeURIComponent(current.id)}`}>History of changes</Link>
        <button type="button" className="button secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
