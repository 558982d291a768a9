import { Link } from 'react-router';

/** Under the e-mail and password steps: the way out for a user who cannot sign in. */
export const ForgotPasswordLink = () => (
  <p className="secondary-action">
    <Link to="/sso/forgot-password">Forgot Password</Link>
  </p>
);
