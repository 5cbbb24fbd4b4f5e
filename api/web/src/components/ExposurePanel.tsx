import { api } from '../lib/api';
import { useLoad } from '../lib/useLoad';
import { money } from '../lib/format';
import { ErrorBanner, Loading } from './Status';

export interface Exposure { totalNotional: number; bySymbol: Record<string, number>; byBroker: Record<string, number>; topUsers: { userId: string; notional: number }[]; version: number }

/** Largest first, each with its share of the platform's total notional. */
export function shares(amounts: Record<string, number>, total: number): { name: string; amount: number; pct: string }[] {
  return Object.entries(amounts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([name, amount]) => ({ name, amount, pct: total > 0 ? `${((100 * amount) / total).toFixed(1)}%` : '—' }));
}

function Table({ caption, rows }: { caption: string; rows: { name: string; amount: number; pct: string }[] }) {
  return (
    <table className="table" aria-label={caption}>
      <thead><tr><th scope="col">{caption}</th><th scope="col">Notional</th><th scope="col">Share</th></tr></thead>
      <tbody>{rows.map(r => <tr key={r.name}><td>{r.name}</td><td>{money(r.amount)}</td><td>{r.pct}</td></tr>)}</tbody>
    </table>
  );
}

/** The founder's view of platform-wide exposure: by symbol, by exchange and the largest users. */
export function ExposurePanel() {
  const exposure = useLoad(() => api<Exposure>('/api/v1/admin/exposure'));
  const e = exposure.data;
  return (
    <section className="panel" aria-label="Global exposure">
      <h2>Global exposure</h2>
      <ErrorBanner error={exposure.error} />
      {!e ? (!exposure.error && <Loading what="exposure" />) : e.totalNotional === 0 ? <p className="muted">No open positions on the platform.</p> : (
        <>
          <p data-testid="total-notional">Total notional {money(e.totalNotional)}</p>
          <div className="cards">
            <Table caption="By symbol" rows={shares(e.bySymbol, e.totalNotional)} />
            <Table caption="By exchange" rows={shares(e.byBroker, e.totalNotional)} />
            <Table caption="Largest users" rows={shares(Object.fromEntries(e.topUsers.map(u => [u.userId, u.notional])), e.totalNotional)} />
          </div>
        </>
      )}
    </section>
  );
}
