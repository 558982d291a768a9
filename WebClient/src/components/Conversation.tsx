import { formatDateTime } from './format';
import type { components } from '../api/schema';

type TicketCommentView = components['schemas']['TicketCommentView'];

/** The ticket's comments, oldest first: the user's and their IT provider's answers (shared by the portal and the admin area). */
export function Conversation({ comments }: { comments: TicketCommentView[] }) {
  if (comments.length === 0) return <p className="hint">No answers yet. Your IT provider will answer here.</p>;
  return (
    <ol className="conversation">
      {comments.map((comment) => (
        <li key={comment.id} className={comment.fromStaff ? 'from-staff' : undefined}>
          <p className="comment-meta">
            <strong>{comment.authorName}</strong>
            {comment.fromStaff && ' (IT support)'} · {formatDateTime(comment.createdAt)}
          </p>
          <p className="comment-body">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}
