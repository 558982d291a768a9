import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { activationSeries, chartSummary } from './activationSeries';
import type { FunnelDay } from './funnelTypes';

const height = 180;

/** Lines for the running totals; the days are UTC midnights standing for the batch's calendar days. */
function options(width: number): uPlot.Options {
  return {
    width,
    height,
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    scales: { x: { time: true } },
    axes: [{}, { size: 40 }],
    series: [
      {},
      { label: 'Activated', stroke: '#1f6feb', width: 2 },
      { label: 'Authenticator set up', stroke: '#8250df', width: 2 },
      { label: 'Signed in', stroke: '#1a7f37', width: 2 },
    ],
  };
}

function dataOf(days: readonly FunnelDay[]): uPlot.AlignedData {
  const series = activationSeries(days);
  return [series.days, series.activated, series.enrolled, series.signedIn];
}

/**
 * The small chart of a funnel: activations, authenticators and first sign-ins over time (uPlot, a
 * canvas). Loaded lazily, in a chunk of its own within the admin area; its numbers are also in the
 * funnel's table and the per-day table beside it, and its accessible name says the totals.
 */
export default function ActivationChart({ days }: { days: readonly FunnelDay[] }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const plot = new uPlot(options(element.clientWidth || 480), [[], [], [], []], element);
    chart.current = plot;
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => plot.setSize({ width: element.clientWidth || 480, height }));
    resize?.observe(element);
    return () => {
      resize?.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, []);

  // A new answer (the funnel polls) redraws the lines without rebuilding the chart.
  useEffect(() => chart.current?.setData(dataOf(days)), [days]);

  return <div ref={container} className="funnel-chart" role="img" aria-label={chartSummary(days)} />;
}
