import { useEffect, useRef } from 'react';
import { AreaSeries, createChart, type UTCTimestamp } from 'lightweight-charts';

/** The equity curve (lightweight-charts). */
export function EquityChart({ points }: { points: { at: string; equity: number }[] }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const chart = createChart(host.current, { height: 220, layout: { background: { color: 'transparent' }, textColor: getComputedStyle(document.body).color } });
    const series = chart.addSeries(AreaSeries, { lineWidth: 2 });
    const seen = new Set<number>();
    series.setData(points
      .map(p => ({ time: Math.floor(new Date(p.at).getTime() / 1000) as UTCTimestamp, value: p.equity }))
      .filter(p => !seen.has(p.time) && seen.add(p.time) !== undefined)
      .sort((a, b) => a.time - b.time));
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [points]);
  return points.length === 0 ? <p className="muted">No trades yet: the curve starts with the first fill.</p> : <div ref={host} role="img" aria-label="Equity curve" />;
}
