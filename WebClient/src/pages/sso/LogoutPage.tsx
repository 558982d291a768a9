import { Link, useSearchParams } from 'react-router';

// The end-session parameters the provider hands over; nothing else is posted back.
const forwarded = ['client_id', 'post_logout_redirect_uri', 'state'] as const;

/**
 * `/sso/logout`: the provider asks first when a logout request did not prove it came from the
 * user's own client (a link on another site, say). Confirming is a real form POST from this origin
 * to the end-session endpoint, so the browser follows its redirect like any logout.
 */
export function LogoutPage() {
  const [params] = useSearchParams();
  return (
    <>
      <h1>Log out?</h1>
      <p>Do you want to log out of Single Sign-On in this browser?</p>
      <form method="post" action="/connect/logout">
        {forwarded.map((name) => {
          const value = params.get(name);
          return value === null ? null : <input key={name} type="hidden" name={name} value={value} />;
        })}
        <button type="submit" className="button">
          Log out
        </button>
      </form>
      <p className="secondary-action">
        <Link to="/portal">Stay signed in</Link>
      </p>
    </>
  );
}
