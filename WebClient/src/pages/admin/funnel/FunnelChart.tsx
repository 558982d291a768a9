import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { funnelDaysQuery } from './funnelApi';
import type { FunnelReport, FunnelScope } from './funnelTypes';

// uPlot stays out of the admin area's main chunk: it loads when a funnel with activity is shown.
const ActivationChart = lazy(() => import('./ActivationChart'));

/** Under a funnel: the chart of activity over time, and the same numbers per day as a table for whoever reads rather than looks. */
export function FunnelChart({ scope, report }: { scope: FunnelScope; report: FunnelReport }) {
  const days = useQuery(funnelDaysQuery(scope, report));
  if (!days.data || days.data.days.length === 0) return null;
  const rows = days.data.days;
  return (
    <div className="funnel-activity">
      <Suspense fallback={<p className="hint">Loading the chart…</p>}>
        <ActivationChart days={rows} />
      </Suspense>
      <details>
        <summary>Per day ({days.data.timeZone})</summary>
        {/* Focusable, so a keyboard can scroll it sideways on a narrow screen. */}
        <div className="table-scroll" role="region" aria-label={`Per day (${days.data.timeZone})`} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Moved</th>
                <th scope="col">Activated</th>
                <th scope="col">Authenticator set up</th>
                <th scope="col">Signed in</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((day) => (
                <tr key={day.day}>
                  <th scope="row">{day.day}</th>
                  <td>{day.moved}</td>
                  <td>{day.activated}</td>
                  <td>{day.enrolled}</td>
                  <td>{day.signedIn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
