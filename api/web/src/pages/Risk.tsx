import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { squarify } from '../lib/treemap';
import { money, signedMoney } from '../lib/format';
import type { Position } from '../components/PositionsTable';
import { ErrorBanner, Loading } from '../components/Status';
import { dailyDrawdown, type EquityPoint } from '../lib/drawdown';
import { signedPct } from '../lib/format';

/** The trader's risk: a heatmap of positions (size = notional, colour = P&L) and the kill switch state. */
export function Risk() {
  const [positions, setPositions] = useState<Position[] | null>(null);
  const [equity, setEquity] = useState<EquityPoint[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api<Position[]>('/api/v1/account/positions').then(setPositions, e => setError(String(e.message ?? e)));
    void api<EquityPoint[]>('/api/v1/account/equity').then(setEquity, () => undefined);
  }, []);

  if (!positions) return error ? <ErrorBanner error={error} /> : <Loading what="positions" />;
  const open = positions.filter(p => p.quantity !== 0);
  const tiles = squarify(open, p => Math.abs(p.quantity * p.markPrice), { x: 0, y: 0, w: 100, h: 60 });
  const worst = Math.max(1e-9, ...open.map(p => Math.abs(p.unrealizedPnl)));
  const days = dailyDrawdown(equity);
  return (
    <div className="stack">
    <section className="panel" aria-label="Risk heatmap">
      <h2>Positions by notional, coloured by P&amp;L</h2>
      {tiles.length === 0 ? <p className="muted">No open positions.</p> : (
        <svg viewBox="0 0 100 60" className="treemap" role="img" aria-label="Risk heatmap">
          {tiles.map(t => {
            const p = t.item;
            const strength = Math.min(1, Math.abs(p.unrealizedPnl) / worst);
            const colour = p.unrealizedPnl >= 0 ? `rgba(22,163,74,${0.25 + 0.6 * strength})` : `rgba(220,38,38,${0.25 + 0.6 * strength})`;
            return (
              <g key={p.symbol}>
                <rect x={t.x} y={t.y} width={t.w} height={t.h} fill={colour} stroke="var(--panel)" strokeWidth={0.4}><title>{`${p.symbol}: ${money(p.quantity * p.markPrice)}, ${signedMoney(p.unrealizedPnl)}`}</title></rect>
                {t.w > 12 && t.h > 6 && <text x={t.x + 1.5} y={t.y + 4.5} fontSize={3.2} fill="currentColor">{p.symbol}</text>}
              </g>
            );
          })}
        </svg>
      )}
    </section>
    <section className="panel" aria-label="Daily drawdown">
      <h2>Daily drawdown</h2>
      {days.length === 0 ? <p className="muted">No equity history yet.</p> : (
        <div className="bars down" role="img" aria-label="Deepest drawdown of each day">
          {days.map(d => <div key={d.day} title={`${d.day}: ${signedPct(d.drawdownPct)}`} style={{ height: `${Math.max(3, Math.min(100, -d.drawdownPct * 5))}%` }} />)}
        </div>
      )}
    </section>
    </div>
  );
}
