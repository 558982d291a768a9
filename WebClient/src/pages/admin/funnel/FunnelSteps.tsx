import { percentText, stepLabel, stoppedLabel } from './funnelFormat';
import type { FunnelReport, FunnelStep } from './funnelTypes';

const people = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'person' : 'people'}`;

interface Props {
  report: FunnelReport;
  /** Names the table for assistive technology: "Funnel of March wave". */
  caption: string;
  /** Opens the drill-down of the people at a step. */
  onPeople: (step: FunnelStep) => void;
}

/**
 * The funnel as numbers: each step with how many reached it, their share of the moved users (also
 * drawn as a bar, the funnel people look at) and the people who stopped there, a button that lists them.
 */
export function FunnelSteps({ report, caption, onPeople }: Props) {
  return (
    <table className="funnel">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Reached</th>
          <th scope="col">Of moved</th>
          <th scope="col">Stopped here</th>
        </tr>
      </thead>
      <tbody>
        {report.steps.map((step) => (
          <tr key={step.step} data-step={step.step}>
            <th scope="row">{stepLabel(step.step)}</th>
            <td className="number">{step.reached.toLocaleString()}</td>
            <td>
              <div className="funnel-share">
                <span className="funnel-bar" aria-hidden="true">
                  <span style={{ width: `${step.percent}%` }} />
                </span>
                {percentText(step.percent)}
              </div>
            </td>
            <td>
              {step.stoppedHere === 0 ? (
                <span className="hint">None</span>
              ) : (
                // The name starts with the visible text (axe: label in name), then says who they are.
                <button
                  type="button"
                  className="link-button"
                  aria-label={`${people(step.stoppedHere)}: ${stoppedLabel(step.step)}`}
                  onClick={() => onPeople(step.step as FunnelStep)}
                >
                  {people(step.stoppedHere)}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
