import { useState } from 'react';
import { api } from '../lib/api';
import { useLoad } from '../lib/useLoad';
import { ErrorBanner, Loading } from '../components/Status';

interface AuditEntry { at: string; actorUserId: string | null; action: string; targetUserId: string | null; detail: string; ipAddress: string | null; correlationId: string | null }
interface RiskEvent { userId: string; rule: string; detail: string; at: string }
interface Email { to: string; subject: string; body: string; at: string }

/** The founder's records: risk events and the audit log with filters, and the e-mail outbox of the embedded default. */
export function FounderRecords() {
  const [filter, setFilter] = useState({ userId: '', rule: '', action: '' });
  const [applied, setApplied] = useState(filter);
  const query = (q: Record<string, string>) => new URLSearchParams(Object.entries(q).filter(([, v]) => v)).toString();
  const events = useLoad(() => api<RiskEvent[]>(`/api/v1/admin/risk-events?${query({ userId: applied.userId, rule: applied.rule, pageSize: '100' })}`), [applied]);
  const audit = useLoad(() => api<AuditEntry[]>(`/api/v1/admin/audit-logs?${query({ userId: applied.userId, action: applied.action, pageSize: '100' })}`), [applied]);
  const outbox = useLoad(() => api<Email[]>('/api/v1/admin/outbox'));

  return (
    <div className="stack">
      <form className="panel row" aria-label="Filters" onSubmit={e => { e.preventDefault(); setApplied(filter); }}>
        <label>User id <input value={filter.userId} onChange={e => setFilter({ ...filter, userId: e.target.value })} /></label>
        <label>Risk rule <input value={filter.rule} onChange={e => setFilter({ ...filter, rule: e.target.value })} placeholder="MaxPositionSize" /></label>
        <label>Audit action <input value={filter.action} onChange={e => setFilter({ ...filter, action: e.target.value })} placeholder="order.place" /></label>
        <button type="submit">Filter</button>
      </form>
      <section className="panel" aria-label="Risk events">
        <h2>Risk events</h2>
        <ErrorBanner error={events.error} />
        {!events.data ? <Loading what="risk events" /> : events.data.length === 0 ? <p className="muted">None.</p> : (
          <table className="table"><thead><tr><th scope="col">When</th><th scope="col">User</th><th scope="col">Rule</th><th scope="col">Detail</th></tr></thead>
            <tbody>{events.data.map((e, i) => <tr key={i}><td>{new Date(e.at).toLocaleString()}</td><td>{e.userId}</td><td>{e.rule}</td><td>{e.detail}</td></tr>)}</tbody></table>
        )}
      </section>
      <section className="panel" aria-label="Audit log">
        <h2>Audit log</h2>
        <ErrorBanner error={audit.error} />
        {!audit.data ? <Loading what="audit log" /> : (
          <table className="table"><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Target</th><th scope="col">Detail</th><th scope="col">IP</th></tr></thead>
            <tbody>{audit.data.map((a, i) => <tr key={i}><td>{new Date(a.at).toLocaleString()}</td><td>{a.actorUserId}</td><td>{a.action}</td><td>{a.targetUserId}</td><td>{a.detail}</td><td>{a.ipAddress}</td></tr>)}</tbody></table>
        )}
      </section>
      <section className="panel" aria-label="E-mail outbox">
        <h2>E-mail outbox</h2>
        {!outbox.data ? <Loading what="outbox" /> : (
          <ul>{outbox.data.slice(0, 30).map((m, i) => <li key={i}><strong>{m.to}</strong>: {m.subject} — <span className="muted">{m.body}</span></li>)}</ul>
        )}
      </section>
    </div>
  );
}
