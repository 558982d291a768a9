/**
 * What a route shows while its code loads on demand: a status line (role="status"), so screen
 * readers announce it without moving the user's place.
 */
export function RouteLoading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" className="page-status">
      {label}
    </p>
  );
}
