import { Link } from 'react-router';

/** An address the SPA does not know, with the way back to the portal. */
export function NotFound() {
  return (
    <>
      <title>Page not found</title>
      <h1>Page not found</h1>
      <p>
        <Link to="/portal">Go to the portal</Link>
      </p>
    </>
  );
}
