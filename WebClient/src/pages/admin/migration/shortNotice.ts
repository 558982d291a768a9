import type { ApiFailure } from '../../../api/problem';
import { announcingNotices } from './migrationFormat';
import type { BatchDetail } from './migrationTypes';

/** What each of the batch page's dialogs takes. */
export interface BatchDialogProps {
  batch: BatchDetail;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

/**
 * Whether partners were told this batch's date and it is still ahead: running it now, or moving it
 * earlier, breaks the two weeks' notice they were promised (the Api refuses until confirmed).
 */
export const partnersWereTold = (batch: BatchDetail, now = Date.now()) =>
  batch.status === 'scheduled' && Date.parse(batch.scheduledAt) > now && batch.notices.some((notice) => announcingNotices.includes(notice.kind));

/** The Api's refusal that asks for that confirmation (its problem type ends in "short-notice"). */
export const asksToConfirmShortNotice = (failure: ApiFailure | null) => failure?.status === 409 && (failure.type?.endsWith('/short-notice') ?? false);
