import { useEffect, useState } from 'react';
import { api } from '../lib/api';
import { activationMatrix, latency, mebibytes, totalActivations, uptime, type ClusterReport } from '../lib/cluster';
import { ErrorBanner, Loading } from '../components/Status';

interface BrokerHealth { broker: string; circuit: string; tokensAvailable: number; consecutiveFailures: number; lastError: string | null }

/**
 * The cluster page (the Orleans dashboard's job): every silo with status, uptime, CPU, memory and
 * activations; activations by grain type and silo; calls/s, error rate and latency per grain method
 * across the cluster; each exchange's circuit. One API call for the cluster, refreshed every two seconds.
 */
export function Cluster() {
  const [report, setReport] = useState<ClusterReport | null>(null);
  const [brokers, setBrokers] = useState<BrokerHealth[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    const load = () => {
      void api<BrokerHealth[]>('/api/v1/admin/brokers').then(b => { if (!stop) setBrokers(b); }, () => undefined);
      return api<ClusterReport>('/api/v1/admin/cluster').then(r => { if (!stop) { setReport(r); setError(null); } }, e => setError(String(e.message ?? e)));
    };
    void load();
    const timer = setInterval(load, 2000);
    return () => { stop = true; clearInterval(timer); };
  }, []);

  if (!report) return error ? <ErrorBanner error={error} /> : <Loading what="cluster" />;
  const now = new Date(report.takenAt);
  const matrix = activationMatrix(report.silos);
  return (
    <div className="stack">
      <ErrorBanner error={error} />
      <section className="panel" aria-label="Silos">
        <h2>Silos <small>membership view {report.membershipVersion}</small></h2>
        <table className="table"><thead><tr><th scope="col">Silo</th><th scope="col">Status</th><th scope="col">Host</th><th scope="col">Uptime</th><th scope="col">CPU</th><th scope="col">Memory</th><th scope="col">Activations</th><th scope="col">Reminders</th></tr></thead>
          <tbody>
            {report.silos.map(s => (
              <tr key={s.silo} data-testid="silo-row"><td>{s.silo === 'local' ? 'co-hosted silo (this process)' : s.silo}</td><td>{s.status}</td><td>{s.hostName}</td>
                <td>{uptime(s.startedAt, now)}</td><td>{s.cpuPercent.toFixed(1)}%</td><td>{mebibytes(s.workingSetBytes)}</td><td>{totalActivations(s)}</td><td>{s.reminders}</td></tr>))}
            {report.unreachable.map(u => <tr key={u} className="down"><td>{u}</td><td colSpan={7}>did not answer</td></tr>)}
          </tbody></table>
      </section>
      <section className="panel" aria-label="Exchanges">
        <h2>Exchanges</h2>
        <table className="table"><thead><tr><th scope="col">Exchange</th><th scope="col">Circuit</th><th scope="col">Budget left</th><th scope="col">Failures in a row</th><th scope="col">Last error</th></tr></thead>
          <tbody>{brokers.map(b => <tr key={b.broker} data-testid={`broker-${b.broker}`}><td>{b.broker}</td><td>{b.circuit}</td><td>{b.tokensAvailable}</td><td>{b.consecutiveFailures}</td><td>{b.lastError ?? '—'}</td></tr>)}</tbody></table>
      </section>
      <section className="panel" aria-label="Activations by grain type and silo">
        <h2>Activations by grain type and silo</h2>
        <table className="table"><thead><tr><th scope="col">Grain type</th>{report.silos.map(s => <th scope="col" key={s.silo}>{s.silo}</th>)}<th scope="col">Total</th></tr></thead>
          <tbody>{matrix.map(row => <tr key={row.type}><td>{row.type}</td>{row.counts.map((n, i) => <td key={report.silos[i].silo}>{n}</td>)}<td>{row.total}</td></tr>)}</tbody></table>
      </section>
      <section className="panel" aria-label="Grain methods">
        <h2>Grain methods</h2>
        <table className="table"><thead><tr><th scope="col">Method</th><th scope="col">Calls</th><th scope="col">Calls/s</th><th scope="col">Error rate</th><th scope="col">p50 (ms)</th><th scope="col">p99 (ms)</th></tr></thead>
          <tbody>{report.methods.slice(0, 30).map(m => (
            <tr key={m.grainType + m.method}><td>{m.method}</td><td>{m.calls}</td><td>{m.callsPerSecond}</td><td>{m.calls ? ((100 * m.errors) / m.calls).toFixed(1) : '0.0'}%</td><td>{latency(m.p50Ms)}</td><td>{latency(m.p99Ms)}</td></tr>))}</tbody></table>
      </section>
    </div>
  );
}
