import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { signedMoney } from '../lib/format';
import { EquityChart } from '../components/EquityChart';
import { ErrorBanner } from '../components/Status';

interface Report { strategy: string; prices: number; stats: { trades: number; winRatePct: number; totalPnl: number; maxDrawdownPct: number; sharpe: number }; equity: { at: string; equity: number }[] }

/** Runs a strategy over a simulated series and shows its statistics and equity. */
export function Backtests() {
  const [form, setForm] = useState({ strategy: 'apex-dual-rsi', symbol: 'BTC-USD', steps: '1440' });
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function run(e: FormEvent) {
    e.preventDefault();
    setRunning(true);
    try {
      setReport(await api<Report>('/api/v1/backtests', { body: { strategy: form.strategy, symbol: form.symbol, steps: Number(form.steps) } }));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setRunning(false);
    }
  }

  return (
    <div className="stack">
      <form className="panel row" onSubmit={run} aria-label="Backtest">
        <label>Strategy <input value={form.strategy} onChange={e => setForm({ ...form, strategy: e.target.value })} /></label>
        <label>Symbol <input value={form.symbol} onChange={e => setForm({ ...form, symbol: e.target.value.toUpperCase() })} /></label>
        <label>Minutes <input inputMode="numeric" value={form.steps} onChange={e => setForm({ ...form, steps: e.target.value })} /></label>
        <button type="submit" disabled={running}>{running ? 'Running…' : 'Run backtest'}</button>
      </form>
      <ErrorBanner error={error} />
      {report && (
        <section className="panel" aria-label="Backtest result">
          <h2>{report.strategy} over {report.prices} prices</h2>
          <p data-testid="backtest-stats">{report.stats.trades} trades · win rate {report.stats.winRatePct.toFixed(1)}% · P&amp;L {signedMoney(report.stats.totalPnl)} · max drawdown {report.stats.maxDrawdownPct.toFixed(2)}% · Sharpe {report.stats.sharpe.toFixed(2)}</p>
          <EquityChart points={report.equity} />
        </section>
      )}
    </div>
  );
}
