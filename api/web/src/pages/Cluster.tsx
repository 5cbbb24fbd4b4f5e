import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { ErrorBanner, Loading } from '../components/Status';

interface BrokerHealth { broker: string; circuit: string; tokensAvailable: number; consecutiveFailures: number; lastError: string | null }

interface Stats {
  activationsByType: Record<string, number>;
  methods: { method: string; grainType: string; calls: number; errors: number; p50Ms: number; p99Ms: number }[];
}

/** The cluster page (the Orleans dashboard's job): the silo, activations by type, calls and latency per method; refreshed every two seconds. */
export function Cluster() {
  const [stats, setStats] = useState<Stats | null>(null);
  const [brokers, setBrokers] = useState<BrokerHealth[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    const load = () => {
      void api<BrokerHealth[]>('/api/v1/admin/brokers').then(b => { if (!stop) setBrokers(b); }, () => undefined);
      return api<Stats>('/api/v1/runtime/stats').then(s => { if (!stop) { setStats(s); setError(null); } }, e => setError(String(e.message ?? e)));
    };
    void load();
    const timer = setInterval(load, 2000);
    return () => { stop = true; clearInterval(timer); };
  }, []);

  if (!stats) return error ? <ErrorBanner error={error} /> : <Loading what="cluster" />;
  const total = Object.values(stats.activationsByType).reduce((a, b) => a + b, 0);
  return (
    <div className="stack">
      <ErrorBanner error={error} />
      <section className="panel" aria-label="Silos">
        <h2>Silos</h2>
        <table className="table"><thead><tr><th scope="col">Silo</th><th scope="col">Status</th><th scope="col">Activations</th></tr></thead>
          <tbody><tr data-testid="silo-row"><td>co-hosted silo (this process)</td><td>Active</td><td>{total}</td></tr></tbody></table>
      </section>
      <section className="panel" aria-label="Exchanges">
        <h2>Exchanges</h2>
        <table className="table"><thead><tr><th scope="col">Exchange</th><th scope="col">Circuit</th><th scope="col">Budget left</th><th scope="col">Failures in a row</th><th scope="col">Last error</th></tr></thead>
          <tbody>{brokers.map(b => <tr key={b.broker} data-testid={`broker-${b.broker}`}><td>{b.broker}</td><td>{b.circuit}</td><td>{b.tokensAvailable}</td><td>{b.consecutiveFailures}</td><td>{b.lastError ?? '—'}</td></tr>)}</tbody></table>
      </section>
      <section className="panel" aria-label="Activations by grain type">
        <h2>Activations by grain type</h2>
        <table className="table"><tbody>{Object.entries(stats.activationsByType).sort((a, b) => b[1] - a[1]).map(([type, n]) => <tr key={type}><td>{type}</td><td>{n}</td></tr>)}</tbody></table>
      </section>
      <section className="panel" aria-label="Grain methods">
        <h2>Grain methods</h2>
        <table className="table"><thead><tr><th scope="col">Method</th><th scope="col">Calls</th><th scope="col">Error rate</th><th scope="col">p50 (ms)</th><th scope="col">p99 (ms)</th></tr></thead>
          <tbody>{stats.methods.slice().sort((a, b) => b.calls - a.calls).slice(0, 30).map(m => (
            <tr key={m.grainType + m.method}><td>{m.method}</td><td>{m.calls}</td><td>{m.calls ? ((100 * m.errors) / m.calls).toFixed(1) : '0.0'}%</td><td>{m.p50Ms}</td><td>{m.p99Ms}</td></tr>))}</tbody></table>
      </section>
    </div>
  );
}
