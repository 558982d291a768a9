/** What the SPA shows when a call fails: one sentence for the alert, plus any per-field sentences. */
export interface ApiFailure {
  status: number;
  message: string;
  fieldErrors: string[];
  /** The ProblemDetails `type`, e.g. one ending in `not-migrated`. */
  type?: string;
}

export const genericErrorMessage = 'Something went wrong. Please try again.';
export const networkErrorMessage = 'We could not reach the server. Check your connection and try again.';

// .NET ("   at Ns.Type.Method(") and JavaScript ("    at fn (file:1:2)") stack frames, or an
// exception type name: such text is for developers and never reaches the page.
const developerText = /(^|\n)\s*at\s+\S+[\s(]|\w+Exception\b|\n\s*---\s*End of/;

function sentence(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || text.length > 500 || developerText.test(text)) return undefined;
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns a ProblemDetails body into a sentence for the user: detail, else title, else a generic sentence. */
export function problemMessage(body: unknown): string {
  if (!isRecord(body)) return genericErrorMessage;
  return sentence(body.detail) ?? sentence(body.title) ?? genericErrorMessage;
}

/** The sentences of a validation ProblemDetails (`errors: { field: [sentence] }`), in order. */
export function problemFieldErrors(body: unknown): string[] {
  if (!isRecord(body) || !isRecord(body.errors)) return [];
  const messages = Object.values(body.errors)
    .flatMap((value) => (Array.isArray(value) ? (value as unknown[]) : [value]))
    .map(sentence)
    .filter((text): text is string => text !== undefined);
  return [...new Set(messages)];
}

/** A failure found by the page itself (e.g. two passwords that differ), shown like an Api one. */
export function clientFailure(message: string): ApiFailure {
  return { status: 0, message, fieldErrors: [] };
}

export function toFailure(status: number, body: unknown): ApiFailure {
  const type = isRecord(body) && typeof body.type === 'string' ? body.type : undefined;
  const fieldErrors = problemFieldErrors(body);
  const message = problemMessage(body);
  return {
    status,
    // A validation problem often has only a generic title; its field sentences say more.
    message: message === genericErrorMessage && fieldErrors.length > 0 ? (fieldErrors[0] ?? message) : message,
    fieldErrors: fieldErrors.filter((text) => text !== message),
    ...(type === undefined ? {} : { type }),
  };
}
