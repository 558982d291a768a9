import { Link } from 'react-router';
import { useApiQuery } from '../../api/useApiQuery';
import { loadStaffMe } from './staffLanding';

/** For partner staff who are also end users somewhere: the way to the admin area. Nothing for anyone else. */
export function AdminAreaLink() {
  const { state } = useApiQuery(loadStaffMe);
  if (state.status !== 'success') return null;
  return (
    <p>
      <Link to="/admin">Go to the admin area</Link>
    </p>
  );
}
