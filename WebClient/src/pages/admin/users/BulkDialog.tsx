import { Modal } from '../../../components/Modal';
import { failureOf } from '../adminApi';
import type { BulkAction, EndUserRow } from '../adminTypes';
import { ConfirmDialog } from '../ConfirmDialog';
import { count } from '../format';
import { useBulkAction } from './endUsersApi';

const words: Record<BulkAction, { title: (n: string) => string; verb: string; done: string; failed: string }> = {
  disable: {
    title: (n) => `Disable ${n}?`,
    verb: 'Disable',
    done: 'disabled and signed out',
    failed: 'could not be disabled',
  },
  'resend-activation': {
    title: (n) => `Resend activation e-mails to ${n}?`,
    verb: 'Resend',
    done: 'sent a new e-mail',
    failed: 'were not sent an e-mail',
  },
  'send-reminder': {
    title: (n) => `Send a reminder to ${n}?`,
    verb: 'Send reminder',
    done: 'sent a reminder',
    failed: 'got no reminder',
  },
};

/** Asks before a bulk action on the selected users, then shows what was done and what was not, and why. */
export function BulkDialog({ action, users, onClose }: { action: BulkAction; users: EndUserRow[]; onClose: () => void }) {
  const bulk = useBulkAction();
  const text = words[action];
  const names = new Map(users.map((user) => [user.id, user.name]));

  if (bulk.isSuccess) {
    const { succeeded, failed } = bulk.data;
    return (
      <Modal title="Done" onClose={onClose}>
        <p role="status">
          {count(succeeded, 'end user', 'end users')} {succeeded === 1 ? 'was' : 'were'} {text.done}.
        </p>
        {failed.length > 0 && (
          <>
            <p>
              {count(failed.length, 'end user', 'end users')} {text.failed}:
            </p>
            <ul>
              {failed.map((failure) => (
                <li key={failure.id}>
                  {names.get(failure.id) ?? failure.id}: {failure.reason}
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <ConfirmDialog
      title={text.title(count(users.length, 'end user', 'end users'))}
      confirmLabel={text.verb}
      busy={bulk.isPending}
      failure={failureOf(bulk.error)}
      danger={action === 'disable'}
      onConfirm={() => bulk.mutate({ action, ids: users.map((user) => user.id) })}
      onCancel={onClose}
    >
      <ul className="names">
        {users.map((user) => (
          <li key={user.id}>
            {user.name} ({user.email})
          </li>
        ))}
      </ul>
      {action === 'disable' && <p>They are signed out at once and cannot sign in until enabled again.</p>}
      {action === 'send-reminder' && (
        <p>
          Those who have not activated get the steps and a fresh activation link; those without an authenticator get the
          steps to set one up. Each user gets at most one reminder a day.
        </p>
      )}
    </ConfirmDialog>
  );
}
