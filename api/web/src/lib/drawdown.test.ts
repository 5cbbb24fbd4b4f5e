import { dailyDrawdown, drawdownSeries } from './drawdown';

describe('drawdown', () => {
  const curve = [
    { at: '2026-03-01T10:00:00Z', equity: 1000 },
    { at: '2026-03-01T12:00:00Z', equity: 900 },
    { at: '2026-03-02T09:00:00Z', equity: 1100 },
    { at: '2026-03-02T10:00:00Z', equity: 1045 },
    { at: '2026-03-02T11:00:00Z', equity: 1100 },
  ];

  it('measures each point against the running peak', () => {
    expect(drawdownSeries(curve).map(d => Number(d.drawdownPct.toFixed(2)))).toEqual([0, -10, 0, -5, 0]);
  });

  it('keeps the deepest drawdown of each day', () => {
    expect(dailyDrawdown(curve)).toEqual([{ day: '2026-03-01', drawdownPct: -10 }, { day: '2026-03-02', drawdownPct: -5 }]);
  });
});
