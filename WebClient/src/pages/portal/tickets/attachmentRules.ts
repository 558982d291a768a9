import { megabytes } from '../../../components/format';

/** TicketRules.MaxAttachmentBytes on the Api: checked here too, so a too-big file is refused before it is sent. */
export const maxAttachmentBytes = 5 * 1024 * 1024;

/** What the Api accepts (it checks the file's content, not its name); the picker offers these first. */
export const attachmentAccept = '.png,.jpg,.jpeg,.gif,.webp,.pdf,.txt,.log,.zip';

export const attachmentHint =
  'Optional. One file up to 5 MB: a screenshot (PNG, JPEG, GIF or WebP), a PDF, a text or log file, or a ZIP.';

/** The sentence for a file the Api would refuse for its size, or null. */
export function attachmentProblem(file: File | null): string | null {
  if (file === null || file.size <= maxAttachmentBytes) return null;
  return `${file.name} is ${megabytes(file.size)}; an attachment can be up to 5 MB. Choose a smaller file, or zip it.`;
}
