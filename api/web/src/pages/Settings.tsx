import { useState, type FormEvent } from 'react';
import { api } from '../lib/api';
import { useLoad } from '../lib/useLoad';
import { ErrorBanner, Loading } from '../components/Status';
import { WebhookPlayground } from '../components/WebhookPlayground';

interface Settings { maxPositionSizeUsd: number; maxConcurrentPositions: number; maxDailyLossPct: number; riskLevel: string; allowedPairs: string[] | null; notificationsEnabled: boolean }
interface BrokerKey { id: string; broker: string; keyHint: string; addedAt: string }
interface ApiKey { id: string; name: string; scope: string; prefix: string; revokedAt: string | null }

/** Risk limits, broker keys (write-only), personal API keys, and the webhook with its test-alert playground. */
export function SettingsPage() {
  const settings = useLoad(() => api<Settings>('/api/v1/config/settings'));
  const brokers = useLoad(() => api<BrokerKey[]>('/api/v1/config/brokers'));
  const keys = useLoad(() => api<ApiKey[]>('/api/v1/auth/api-keys'));
  const [form, setForm] = useState<Record<string, string>>({});
  const [broker, setBroker] = useState({ broker: 'paper', apiKey: '', apiSecret: '' });
  const [keyName, setKeyName] = useState('');
  const [newKey, setNewKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, message: string) {
    try {
      await action();
      setError(null);
      setSaved(message);
      await Promise.all([settings.reload(), brokers.reload(), keys.reload()]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSaved(null);
    }
  }

  function saveLimits(e: FormEvent) {
    e.preventDefault();
    // Only what was edited is sent: the API takes a partial object.
    const patch = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== '').map(([k, v]) => [k, k === 'riskLevel' ? v : Number(v)]));
    void run(() => api('/api/v1/config/settings', { method: 'PUT', body: patch }), 'Limits saved.');
  }

  const s = settings.data;
  return (
    <div className="stack">
      <ErrorBanner error={error} />
      {saved && <p role="status">{saved}</p>}
      <form className="panel" onSubmit={saveLimits} aria-label="Risk limits">
        <h2>Risk limits</h2>
        {!s ? <Loading what="settings" /> : (
          <div className="row">
            <label>Max position size (USD) <input inputMode="decimal" placeholder={String(s.maxPositionSizeUsd)} value={form.maxPositionSizeUsd ?? ''} onChange={e => setForm({ ...form, maxPositionSizeUsd: e.target.value })} /></label>
            <label>Max concurrent positions <input inputMode="numeric" placeholder={String(s.maxConcurrentPositions)} value={form.maxConcurrentPositions ?? ''} onChange={e => setForm({ ...form, maxConcurrentPositions: e.target.value })} /></label>
            <label>Max daily loss (%) <input inputMode="decimal" placeholder={String(s.maxDailyLossPct)} value={form.maxDailyLossPct ?? ''} onChange={e => setForm({ ...form, maxDailyLossPct: e.target.value })} /></label>
            <label>Risk level <select value={form.riskLevel ?? s.riskLevel} onChange={e => setForm({ ...form, riskLevel: e.target.value })}>{['conservative', 'moderate', 'aggressive'].map(l => <option key={l}>{l}</option>)}</select></label>
          </div>
        )}
        <button type="submit">Save limits</button>
      </form>
      <section className="panel" aria-label="Broker keys">
        <h2>Broker keys</h2>
        <p className="muted">Keys are encrypted at rest and never shown again; a key that can withdraw is refused.</p>
        <ul>{brokers.data?.map(b => <li key={b.id}>{b.broker} …{b.keyHint} <button onClick={() => void run(() => api(`/api/v1/config/brokers/${b.id}`, { method: 'DELETE' }), 'Key removed.')}>Remove</button></li>)}</ul>
        <form className="row" onSubmit={e => { e.preventDefault(); void run(() => api('/api/v1/config/brokers', { body: broker }), 'Key added.').then(() => setBroker({ ...broker, apiKey: '', apiSecret: '' })); }}>
          <label>Broker <select value={broker.broker} onChange={e => setBroker({ ...broker, broker: e.target.value })}><option>paper</option><option>binance</option><option>kraken</option></select></label>
          <label>API key <input autoComplete="off" value={broker.apiKey} onChange={e => setBroker({ ...broker, apiKey: e.target.value })} required /></label>
          <label>API secret <input type="password" autoComplete="off" value={broker.apiSecret} onChange={e => setBroker({ ...broker, apiSecret: e.target.value })} required /></label>
          <button type="submit">Add key</button>
        </form>
      </section>
      <section className="panel" aria-label="API keys">
        <h2>Personal API keys</h2>
        <ul>{keys.data?.filter(k => !k.revokedAt).map(k => <li key={k.id}>{k.name} ({k.scope}) {k.prefix}… <button onClick={() => void run(() => api(`/api/v1/auth/api-keys/${k.id}`, { method: 'DELETE' }), 'Key revoked.')}>Revoke</button></li>)}</ul>
        <form className="row" onSubmit={async e => { e.preventDefault(); try { const r = await api<{ key: string }>('/api/v1/auth/api-keys', { body: { name: keyName, scope: 'read' } }); setNewKey(r.key); await keys.reload(); } catch (err) { setError(String((err as Error).message)); } }}>
          <label>Name <input value={keyName} onChange={e => setKeyName(e.target.value)} required /></label>
          <button type="submit">Create a read key</button>
        </form>
        {newKey && <p role="status">Copy it now, it is shown once: <code>{newKey}</code></p>}
      </section>
      <WebhookPlayground />
    </div>
  );
}
