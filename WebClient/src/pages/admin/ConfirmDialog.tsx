import type { ReactNode } from 'react';
import type { ApiFailure } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Modal } from '../../components/Modal';
import { SubmitButton } from '../../components/SubmitButton';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button that closes the dialog without acting; "Cancel" unless that would read like the action. */
  cancelLabel?: string;
  busy: boolean;
  failure: ApiFailure | null;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Delete Ada Lovelace?" with the action's own verb and Cancel; the Api's sentence if it refuses. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel = 'Cancel',
  busy,
  failure,
  danger = false,
  onConfirm,
  onCancel,
}: Props) {
  return (
    <Modal title={title} onClose={busy ? undefined : onCancel}>
      {children}
      <ErrorAlert failure={failure} />
      <div className="actions">
        <SubmitButton type="button" label={confirmLabel} busy={busy} className={danger ? 'danger' : undefined} onClick={onConfirm} />
        <button type="button" className="button secondary" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </Modal>
  );
}
