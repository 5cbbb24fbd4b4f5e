import { useEffect, useRef, useState } from 'react';
import { money, quantity, signedMoney, tone } from '../lib/format';

export interface Position {
  broker: string;
  symbol: string;
  quantity: number;
  averageEntry: number;
  markPrice: number;
  unrealizedPnl: number;
  realizedPnl: number;
}

/** Open positions; a row that changed flashes for a moment (live updates arrive without a reload). */
export function PositionsTable({ positions }: { positions: Position[] }) {
  const previous = useRef(new Map<string, string>());
  const [flashing, setFlashing] = useState<Set<string>>(new Set());

  useEffect(() => {
    const changed = new Set<string>();
    for (const p of positions) {
      const key = `${p.broker}:${p.symbol}`;
      const signature = `${p.quantity}|${p.markPrice}|${p.unrealizedPnl}`;
      if (previous.current.get(key) !== signature) changed.add(key);
      previous.current.set(key, signature);
    }
    if (changed.size === 0) return;
    setFlashing(changed);
    const timer = setTimeout(() => setFlashing(new Set()), 1200);
    return () => clearTimeout(timer);
  }, [positions]);

  const open = positions.filter(p => p.quantity !== 0);
  if (open.length === 0) return <p className="muted">No open positions.</p>;
  return (
    <table className="table" aria-label="Open positions">
      <thead>
        <tr><th scope="col">Symbol</th><th scope="col">Quantity</th><th scope="col">Entry</th><th scope="col">Mark</th><th scope="col">Unrealized P&amp;L</th></tr>
      </thead>
      <tbody>
        {open.map(p => {
          const key = `${p.broker}:${p.symbol}`;
          return (
            <tr key={key} data-symbol={p.symbol} className={flashing.has(key) ? 'flash' : undefined}>
              <td>{p.symbol}</td>
              <td>{quantity(p.quantity)}</td>
              <td>{money(p.averageEntry)}</td>
              <td>{money(p.markPrice)}</td>
              <td className={tone(p.unrealizedPnl)}>{signedMoney(p.unrealizedPnl)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
