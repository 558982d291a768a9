type Fields = Record<string, unknown>;

function parse(json: string | null): Fields | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : null;
  } catch {
    return null;
  }
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** An audit entry's changed fields, each as "field: before → after". */
export function Changes({ before, after }: { before: string | null; after: string | null }) {
  if (!before && !after) return null;
  const old = parse(before);
  const now = parse(after);
  if ((before && !old) || (after && !now)) {
    // Not the JSON object the Api writes: show it as it is rather than hide it.
    return (
      <span>
        {before ?? '(none)'} → {after ?? '(none)'}
      </span>
    );
  }
  const fields = [...new Set([...Object.keys(old ?? {}), ...Object.keys(now ?? {})])];
  return (
    <ul className="changes">
      {fields.map((field) => (
        <li key={field}>
          {field}: {show(old?.[field])} <span aria-hidden="true">→</span>
          <span className="visually-hidden">changed to</span> {show(now?.[field])}
        </li>
      ))}
    </ul>
  );
}
