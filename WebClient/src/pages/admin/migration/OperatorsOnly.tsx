import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useStaff } from '../staff';

export const isOperator = (role: string) => role === 'platform-operator';

/**
 * A migration page's frame: its title, and its content only for platform operators (the Api
 * refuses everyone else too; this says so without asking it).
 */
export function OperatorsOnly({ title, children }: { title: string; children?: ReactNode }) {
  const staff = useStaff();
  return (
    <>
      <title>{`${title} · Migration · Admin · End User Portal`}</title>
      <h1>{title}</h1>
      {isOperator(staff.role) ? (
        children
      ) : (
        <ErrorAlert failure="Migration batches are planned and run by the platform's operators. When a batch is planned for your clients, its date is shown at the top of the admin area." />
      )}
    </>
  );
}
