import { useState } from 'react';
import { api, setToken } from '../lib/api';
import { useLoad } from '../lib/useLoad';
import { money, signedMoney } from '../lib/format';
import { ErrorBanner, Loading } from '../components/Status';
import { TimeSeriesChart } from '../components/EquityChart';
import { ExposurePanel } from '../components/ExposurePanel';

interface Overview {
  users: { total: number; active: number };
  openPositions: number;
  last24h: { trades: number; pnl: number; riskEvents: number };
  revenue: { mrr: number; arr: number };
  health: 'green' | 'yellow' | 'red';
  globalKillSwitch: { level: string; reason: string };
}
interface User { userId: string; email: string; role: string; plan: string }
interface Revenue { mrr: number; arr: number; payingSubscribers: number; monthlyChurnPct: number; trialConversionPct: number; arpu: number; subscribersByPlan: Record<string, number>; mrrHistory: { month: string; mrr: number }[] }

/** The founder's pages: overview with health, the global emergency stop, global exposure, users, revenue, invitations. */
export function Admin() {
  const overview = useLoad(() => api<Overview>('/api/v1/admin/overview'));
  const users = useLoad(() => api<{ total: number; users: User[] }>('/api/v1/admin/users?pageSize=100'));
  const revenue = useLoad(() => api<Revenue>('/api/v1/admin/revenue'));
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [invite, setInvite] = useState({ email: '', tier: 'free' });
  const [code, setCode] = useState<string | null>(null);

  async function act(path: string, body?: unknown, method = 'POST') {
    try {
      const r = await api<any>(path, { method, body });
      setError(null);
      await Promise.all([overview.reload(), users.reload(), revenue.reload()]);
      return r;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const o = overview.data;
  return (
    <div className="stack">
      <ErrorBanner error={error ?? overview.error} />
      {!o ? <Loading what="overview" /> : (
        <>
          <div className={`banner ${o.health}`} role="status" data-testid="health">Platform health: {o.health}{o.globalKillSwitch.level !== 'off' && ` — global stop (${o.globalKillSwitch.level}): ${o.globalKillSwitch.reason}`}</div>
          <div className="cards">
            <div className="card"><h3>Users</h3><p className="figure">{o.users.total}</p><p className="muted">{o.users.active} active</p></div>
            <div className="card"><h3>Open positions</h3><p className="figure">{o.openPositions}</p></div>
            <div className="card"><h3>24 h trades</h3><p className="figure">{o.last24h.trades}</p><p className="muted">{signedMoney(o.last24h.pnl)}, {o.last24h.riskEvents} risk events</p></div>
            <div className="card"><h3>MRR</h3><p className="figure">{money(o.revenue.mrr)}</p><p className="muted">ARR {money(o.revenue.arr)}</p></div>
          </div>
        </>
      )}
      <section className="panel" aria-label="Global emergency stop">
        <h2>Global emergency stop</h2>
        <label>Type STOP to confirm <input value={typed} onChange={e => setTyped(e.target.value)} /></label>
        <div className="row">
          <button className="danger" disabled={typed !== 'STOP'} onClick={() => { void act('/api/v1/admin/kill-switch', { scope: 'global', action: 'stop', reason: 'founder emergency stop' }); setTyped(''); }}>Stop all trading</button>
          <button onClick={() => void act('/api/v1/admin/kill-switch', { scope: 'global', action: 'resume', reason: 'resumed by the founder' })}>Resume trading</button>
        </div>
      </section>
      <ExposurePanel />
      <section className="panel" aria-label="Users">
        <h2>Users</h2>
        {users.data ? (
          <table className="table"><thead><tr><th scope="col">E-mail</th><th scope="col">Role</th><th scope="col">Plan</th><th scope="col">Actions</th></tr></thead>
            <tbody>{users.data.users.map(u => (
              <tr key={u.userId}><td>{u.email}</td><td>{u.role}</td><td>{u.plan}</td>
                <td className="row">
                  <button onClick={() => void act(`/api/v1/admin/users/${u.userId}/approve`)} aria-label={`Approve ${u.email}`}>Approve</button>
                  <select aria-label={`Plan of ${u.email}`} value={u.plan} onChange={e => void act(`/api/v1/admin/users/${u.userId}`, { plan: e.target.value }, 'PATCH')}>
                    {['free', 'basic', 'pro', 'enterprise', 'alpha'].map(p => <option key={p}>{p}</option>)}
                  </select>
                  <button onClick={async () => { const r = await act(`/api/v1/admin/users/${u.userId}/impersonate`); if (r) { sessionStorage.setItem('nija.founderToken', sessionStorage.getItem('nija.token') ?? ''); setToken(r.accessToken); window.location.hash = '#/dashboard'; window.location.reload(); } }}
                    aria-label={`View as ${u.email}`}>View as (read-only)</button>
                  <button onClick={() => void act('/api/v1/admin/kill-switch', { scope: 'user', userId: u.userId, action: 'stop', reason: 'stopped by the founder' })} aria-label={`Stop ${u.email}`}>Stop</button>
                </td></tr>))}</tbody></table>
        ) : <Loading what="users" />}
      </section>
      <section className="panel" aria-label="Revenue">
        <h2>Revenue</h2>
        {revenue.data ? (
          <>
            <p data-testid="mrr">MRR {money(revenue.data.mrr)} · ARR {money(revenue.data.arr)} · {revenue.data.payingSubscribers} paying · churn {revenue.data.monthlyChurnPct}% · trial conversion {revenue.data.trialConversionPct}% · ARPU {money(revenue.data.arpu)}</p>
            <TimeSeriesChart points={revenue.data.mrrHistory.map(m => ({ at: `${m.month}-01T00:00:00Z`, value: m.mrr }))} label="MRR by month" empty="No revenue yet." />
            <p className="muted">Plan mix: {Object.entries(revenue.data.subscribersByPlan).map(([k, v]) => `${k} ${v}`).join(', ') || 'no paying subscribers yet'}</p>
          </>
        ) : <Loading what="revenue" />}
      </section>
      <form className="panel" aria-label="Invitations" onSubmit={async e => { e.preventDefault(); const r = await act('/api/v1/admin/invitations', { ...invite, validityDays: 14 }); if (r) setCode(r.code); }}>
        <h2>Invite</h2>
        <div className="row">
          <label>E-mail <input type="email" value={invite.email} onChange={e => setInvite({ ...invite, email: e.target.value })} required /></label>
          <label>Tier <select value={invite.tier} onChange={e => setInvite({ ...invite, tier: e.target.value })}>{['free', 'basic', 'pro', 'enterprise', 'alpha'].map(t => <option key={t}>{t}</option>)}</select></label>
        </div>
        <button type="submit">Create invitation</button>
        {code && <p role="status">Invitation code (shown once): <code data-testid="invitation-code">{code}</code></p>}
      </form>
    </div>
  );
}
