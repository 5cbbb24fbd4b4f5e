// The drawdown of an equity curve: at each point, how far equity is below its running peak, in percent.

export interface EquityPoint { at: string; equity: number }

export function drawdownSeries(points: EquityPoint[]): { at: string; drawdownPct: number }[] {
  let peak = -Infinity;
  return points.map(p => {
    peak = Math.max(peak, p.equity);
    return { at: p.at, drawdownPct: peak > 0 ? -((peak - p.equity) / peak) * 100 : 0 };
  });
}

/** The deepest drawdown of each UTC day (the daily drawdown chart). */
export function dailyDrawdown(points: EquityPoint[]): { day: string; drawdownPct: number }[] {
  const days = new Map<string, number>();
  for (const d of drawdownSeries(points)) {
    const day = d.at.slice(0, 10);
    days.set(day, Math.min(days.get(day) ?? 0, d.drawdownPct));
  }
  return [...days].map(([day, drawdownPct]) => ({ day, drawdownPct }));
}
