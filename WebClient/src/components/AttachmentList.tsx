import { useMutation } from '@tanstack/react-query';
import { failureOf } from '../api/query';
import { ErrorAlert } from './ErrorAlert';
import { fileSize } from './format';
import { SubmitButton } from './SubmitButton';

interface Attachment {
  id: string;
  fileName: string;
  size: number;
}

/**
 * A ticket's attachments as download buttons (portal and admin): each is fetched with the bearer
 * token and handed to the browser, since a plain link could not carry the token.
 */
export function AttachmentList({ attachments, download }: { attachments: Attachment[]; download: (attachment: Attachment) => Promise<void> }) {
  const fetching = useMutation({ mutationFn: download });
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="attachments-title">
      <h3 id="attachments-title">Attachments</h3>
      <ul className="plain">
        {attachments.map((attachment) => (
          <li key={attachment.id}>
            <SubmitButton
              type="button"
              className="link-button"
              label={`Download ${attachment.fileName}`}
              busy={fetching.isPending && fetching.variables.id === attachment.id}
              onClick={() => fetching.mutate(attachment)}
            />{' '}
            <span className="hint">({fileSize(attachment.size)})</span>
          </li>
        ))}
      </ul>
      <ErrorAlert failure={fetching.isError ? failureOf(fetching.error) : null} />
    </section>
  );
}
