import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { failureOf } from '../adminApi';
import { funnelQuery } from './funnelApi';
import type { FunnelScope } from './funnelTypes';
import { FunnelView } from './FunnelView';

interface Props {
  title: string;
  scope: FunnelScope;
  /** Names the table of steps (see FunnelView). */
  caption?: string;
  /** Where nobody was moved yet, say nothing (a client's page before its batch). */
  hideWhenEmpty?: boolean;
}

/** A funnel the page asks for itself: one batch's (the operator's batch page) or one client's (Manage Users). */
export function ScopedFunnel({ title, scope, caption, hideWhenEmpty = false }: Props) {
  const funnel = useQuery(funnelQuery(scope));
  if (funnel.isPending) return <p role="status">Loading the funnel…</p>;
  if (funnel.isError) {
    return (
      <>
        <ErrorAlert failure={failureOf(funnel.error)} />
        <button type="button" className="button secondary" onClick={() => void funnel.refetch()}>
          Try again
        </button>
      </>
    );
  }
  if (hideWhenEmpty && funnel.data.moved === 0) return null;
  return <FunnelView title={title} caption={caption} scope={scope} report={funnel.data} />;
}
