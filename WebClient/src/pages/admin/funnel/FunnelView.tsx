import { useId, useState, type ReactNode } from 'react';
import { FunnelChart } from './FunnelChart';
import { FunnelPeople } from './FunnelPeople';
import { FunnelSteps } from './FunnelSteps';
import { stepLabel } from './funnelFormat';
import type { FunnelReport, FunnelScope, FunnelStep } from './funnelTypes';

interface Props {
  /** Whose funnel: "March wave", "Northwind Traders". */
  title: string;
  scope: FunnelScope;
  report: FunnelReport;
  /** Names the table of steps; "Funnel of {title}" unless the title does not say whose it is. */
  caption?: string;
  /** Facts shown under the title (the batch's date and clients). */
  children?: ReactNode;
  /** The heading level of the title inside its page. */
  level?: 2 | 3;
}

/** What screen readers hear when the numbers change: the reached counts, one sentence. */
const announcement = (report: FunnelReport) =>
  report.steps.map((step) => `${stepLabel(step.step)}: ${step.reached.toLocaleString()}`).join(', ') + '.';

/** One funnel in a panel: the title, the table of steps, the chart, and the people at a step on demand. */
export function FunnelView({ title, scope, report, caption = `Funnel of ${title}`, children, level = 2 }: Props) {
  const titleId = useId();
  const [people, setPeople] = useState<FunnelStep | null>(null);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="panel funnel-panel" aria-labelledby={titleId}>
      <Heading id={titleId}>{title}</Heading>
      {children}
      {report.moved === 0 ? (
        <p className="empty">Nobody has been moved to Single Sign-On here yet.</p>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {announcement(report)}
          </p>
          <FunnelSteps report={report} caption={caption} onPeople={setPeople} />
          <FunnelChart scope={scope} report={report} />
        </>
      )}
      {people && <FunnelPeople scope={scope} step={people} title={title} onClose={() => setPeople(null)} />}
    </section>
  );
}
