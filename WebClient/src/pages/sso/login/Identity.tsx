/** The e-mail being signed in, with a way back to the first step. */
export function Identity({ email, onChange }: { email: string; onChange: () => void }) {
  return (
    <p className="identity">
      <span className="identity-email">{email}</span>{' '}
      <a
        href={window.location.pathname + window.location.search}
        onClick={(event) => {
          event.preventDefault();
          onChange();
        }}
      >
        Change
      </a>
    </p>
  );
}
