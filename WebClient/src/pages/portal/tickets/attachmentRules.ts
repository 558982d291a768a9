import { megabytes } from '../../../components/format';

/** TicketRules.MaxAttachmentBytes on the Api: checked here too, so a too-big file is refused before it is sent. */
export const maxAttachmentBytes = 5 * 1024 * 1024;

/**
 * AttachmentTypes.All on the Api: the only kinds it takes, and only when the name, the declared type
 * and the file's content agree. The picker offers these first; the Api checks whatever is sent.
 */
export const attachmentAccept = '.png,.jpg,.jpeg,.gif,.webp,.pdf,.txt,.log,.csv,.docx,.xlsx,.pptx,.zip';

export const attachmentHint =
  'Optional. One file up to 5 MB: a picture (PNG, JPEG, GIF or WebP), a PDF, a text file (.txt, .log or .csv), a Word, Excel or PowerPoint document without macros, or a .zip file.';

/** The sentence for a file the Api would refuse for its size, or null. */
export function attachmentProblem(file: File | null): string | null {
  if (file === null || file.size <= maxAttachmentBytes) return null;
  return `${file.name} is ${megabytes(file.size)}; an attachment can be up to 5 MB. Choose a smaller file, or zip it.`;
}
