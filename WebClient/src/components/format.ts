/* Dates and counts said for people, in the browser's language. */

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function format(iso: string, formatter: Intl.DateTimeFormat): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}

/** A day for people, e.g. "Mar 15, 2024" in the browser's language. */
export const formatDate = (iso: string) => format(iso, dateFormat);

/** A moment for people, e.g. "Mar 15, 2024, 10:30 AM". */
export const formatDateTime = (iso: string) => format(iso, timeFormat);

/** "1 end user", "3 end users". */
export const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** "3.4 MB". */
export const megabytes = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;

/** "12 KB", "3.4 MB": a file size for people. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes.toLocaleString()} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString()} KB`;
  return megabytes(bytes);
}
