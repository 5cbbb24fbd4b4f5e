import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { connectLive } from '../lib/live';
import { useLoad } from '../lib/useLoad';
import { money, signedMoney, signedPct } from '../lib/format';
import { Card } from '../components/Card';
import { EquityChart } from '../components/EquityChart';
import { ExchangeAccounts, type ExchangeAccount } from '../components/ExchangeAccounts';
import { PositionsTable, type Position } from '../components/PositionsTable';
import { ErrorBanner, Loading } from '../components/Status';

interface Balance { cash: number; equity: number; equityPeak: number; realizedPnl: number; unrealizedPnl: number; exchanges: ExchangeAccount[] }
interface Performance { trades: number; winRatePct: number; totalPnl: number }
interface Trade { orderId: string; symbol: string; closedAt: string; pnl: number }

/** The trader's dashboard: cards, equity, live positions, recent trades, the bot, the order ticket and the emergency stop. */
export function Dashboard() {
  const balance = useLoad(() => api<Balance>('/api/v1/account/balance'));
  const performance = useLoad(() => api<Performance>('/api/v1/account/performance'));
  const [curve, setCurve] = useState('paper');
  const equity = useLoad(() => api<{ at: string; equity: number }[]>(`/api/v1/account/equity?account=${encodeURIComponent(curve)}`), [curve]);
  const trades = useLoad(() => api<Trade[]>('/api/v1/account/history?pageSize=10'));
  const [positions, setPositions] = useState<Position[]>([]);
  const [live, setLive] = useState('connecting');
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void api<Position[]>('/api/v1/account/positions').then(setPositions, () => undefined);
    return connectLive({
      positionUpdated: (p: Position) => setPositions(current => [...current.filter(c => c.symbol !== p.symbol || c.broker !== p.broker), p].sort((a, b) => a.symbol.localeCompare(b.symbol))),
      tradeExecuted: () => { void balance.reload(); },
      notification: (n: { message: string }) => setNotice(n.message),
    }, setLive);
  }, []);

  const b = balance.data;
  const p = performance.data;
  return (
    <div className="stack">
      <p className="muted">Live updates: <span data-testid="live-state">{live}</span></p>
      {notice && <div className="notice" role="status">{notice}</div>}
      <ErrorBanner error={balance.error ?? performance.error} />
      {!b ? <Loading what="balance" /> : (
        <div className="cards">
          <Card label="Balance" value={money(b.equity)} change={signedMoney(b.equity - b.equityPeak) + ' from peak'} changeValue={b.equity - b.equityPeak} />
          <Card label="P&L" value={signedMoney(b.realizedPnl + b.unrealizedPnl)} change={`${signedMoney(b.unrealizedPnl)} open`} changeValue={b.unrealizedPnl} />
          <Card label="Win rate" value={p ? signedPct(p.winRatePct).replace('+', '') : '—'} change={p ? `${p.trades} trades` : undefined} />
          <Card label="Open trades" value={String(positions.filter(x => x.quantity !== 0).length)} change={money(b.cash) + ' cash'} />
        </div>
      )}
      <section className="panel" aria-label="Equity curve">
        <h2>Equity</h2>
        {b && b.exchanges.length > 0 && (
          <label>Account{' '}
            <select value={curve} onChange={e => setCurve(e.target.value)}>
              {['paper', ...b.exchanges.map(x => x.broker)].map(a => <option key={a} value={a}>{a}</option>)}
            </select>
          </label>
        )}
        {equity.data ? <EquityChart points={equity.data} /> : <Loading what="equity" />}
      </section>
      <section className="panel" aria-label="Exchange accounts"><h2>Exchange accounts</h2>{b ? <ExchangeAccounts accounts={b.exchanges} /> : <Loading what="exchange accounts" />}</section>
      <section className="panel" aria-label="Positions"><h2>Positions</h2><PositionsTable positions={positions} /></section>
      <OrderTicket onPlaced={() => { void balance.reload(); void trades.reload(); void equity.reload(); }} />
      <BotControls />
      <section className="panel" aria-label="Recent trades">
        <h2>Recent trades</h2>
        {trades.data?.length ? (
          <table className="table"><thead><tr><th scope="col">Closed</th><th scope="col">Symbol</th><th scope="col">P&amp;L</th></tr></thead>
            <tbody>{trades.data.map(t => <tr key={t.orderId + t.closedAt}><td>{new Date(t.closedAt).toLocaleString()}</td><td>{t.symbol}</td><td>{signedMoney(t.pnl)}</td></tr>)}</tbody></table>
        ) : <p className="muted">No closed trades yet.</p>}
      </section>
    </div>
  );
}

function OrderTicket({ onPlaced }: { onPlaced: () => void }) {
  const [order, setOrder] = useState({ symbol: 'BTC-USD', side: 'buy', type: 'market', sizeUsd: '50', limitPrice: '' });
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const placed = await api<{ id: string; status: string }>('/api/v1/trading/orders', {
        body: { broker: 'paper', symbol: order.symbol, side: order.side, type: order.type, sizeUsd: Number(order.sizeUsd), limitPrice: order.type === 'limit' ? Number(order.limitPrice) : undefined },
      });
      setResult(`Order ${placed.id}: ${placed.status}`);
      setError(null);
      onPlaced();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="Order ticket">
      <h2>Order ticket (paper)</h2>
      <ErrorBanner error={error} />
      <div className="row">
        <label>Symbol <input value={order.symbol} onChange={e => setOrder({ ...order, symbol: e.target.value.toUpperCase() })} /></label>
        <label>Side <select value={order.side} onChange={e => setOrder({ ...order, side: e.target.value })}><option value="buy">Buy</option><option value="sell">Sell</option></select></label>
        <label>Type <select value={order.type} onChange={e => setOrder({ ...order, type: e.target.value })}><option value="market">Market</option><option value="limit">Limit</option></select></label>
        <label>Size (USD) <input inputMode="decimal" value={order.sizeUsd} onChange={e => setOrder({ ...order, sizeUsd: e.target.value })} /></label>
        {order.type === 'limit' && <label>Limit price <input inputMode="decimal" value={order.limitPrice} onChange={e => setOrder({ ...order, limitPrice: e.target.value })} /></label>}
      </div>
      <button type="submit">Place order</button>
      {result && <p role="status">{result}</p>}
    </form>
  );
}

function BotControls() {
  const [state, setState] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function act(path: string, body?: unknown) {
    try {
      const r = await api<{ state?: string; level?: string }>(path, { method: 'POST', body });
      setState(r.state ?? `kill switch: ${r.level}`);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <section className="panel" aria-label="Trading">
      <h2>Trading</h2>
      <ErrorBanner error={error} />
      <div className="row">
        <button onClick={() => void act('/api/v1/trading/start', {})}>Start bot</button>
        <button onClick={() => void act('/api/v1/trading/pause')}>Pause</button>
        <button onClick={() => void act('/api/v1/trading/stop')}>Stop</button>
        <button className="danger" onClick={() => { if (window.confirm('Stop all trading now? Open orders are canceled.')) void act('/api/v1/trading/emergency-stop', { reason: 'emergency stop from the dashboard' }); }}>Emergency stop</button>
        <button onClick={() => void act('/api/v1/trading/resume')}>Resume</button>
      </div>
      {state && <p role="status">Bot: {state}</p>}
    </section>
  );
}
