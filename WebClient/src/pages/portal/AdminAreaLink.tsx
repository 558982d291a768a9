import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { staffMeQuery } from './portalApi';

/** For partner staff who are also end users somewhere: the way to the admin area. Nothing for anyone else. */
export function AdminAreaLink() {
  const staff = useQuery(staffMeQuery());
  if (!staff.isSuccess) return null;
  return (
    <p>
      <Link to="/admin">Go to the admin area</Link>
    </p>
  );
}
