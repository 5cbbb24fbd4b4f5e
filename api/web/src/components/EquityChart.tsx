import { useEffect, useRef } from 'react';
import { AreaSeries, createChart, type UTCTimestamp } from 'lightweight-charts';

/** A time series as an area chart (lightweight-charts): the equity curve, MRR by month. */
export function TimeSeriesChart({ points, label, empty }: { points: { at: string; value: number }[]; label: string; empty: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current || points.length === 0) return;
    const chart = createChart(host.current, { height: 220, layout: { background: { color: 'transparent' }, textColor: getComputedStyle(document.body).color } });
    const series = chart.addSeries(AreaSeries, { lineWidth: 2 });
    // The chart needs one point per second in ascending order: the first point of each second is kept.
    const bySecond = new Map<number, number>();
    for (const p of points) {
      const time = Math.floor(new Date(p.at).getTime() / 1000);
      if (!bySecond.has(time)) bySecond.set(time, p.value);
    }
    series.setData([...bySecond].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time: time as UTCTimestamp, value })));
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [points]);
  return points.length === 0 ? <p className="muted">{empty}</p> : <div ref={host} role="img" aria-label={label} />;
}

/** The equity curve. */
export function EquityChart({ points }: { points: { at: string; equity: number }[] }) {
  return <TimeSeriesChart points={points.map(p => ({ at: p.at, value: p.equity }))} label="Equity curve" empty="No trades yet: the curve starts with the first fill." />;
}
