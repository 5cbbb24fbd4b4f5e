import { useState } from 'react';
import { api } from '../lib/api';
import { parseAlert, signAlert } from '../lib/alerts';
import { ErrorBanner } from './Status';

/** The TradingView webhook: its URL, a new secret (shown once), and a playground that validates an alert, previews its order and sends it signed. */
export function WebhookPlayground() {
  const [hook, setHook] = useState<{ url: string; secret: string } | null>(null);
  const [json, setJson] = useState('{\n  "alertId": "test-1",\n  "symbol": "BTC-USD",\n  "side": "buy",\n  "sizeUsd": 50\n}');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const parsed = parseAlert(json);

  async function rotate() {
    try {
      setHook(await api<{ url: string; secret: string }>('/api/v1/config/webhook/rotate', { method: 'POST' }));
    } catch (e) {
      setError(String((e as Error).message));
    }
  }

  async function send() {
    if (!hook || !parsed.ok) return;
    const t = Math.floor(Date.now() / 1000);
    const response = await fetch(hook.url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Nija-Signature': `t=${t},v1=${await signAlert(hook.secret, t, json)}` }, body: json });
    const body = await response.json().catch(() => ({}));
    setResult(response.ok ? `Order ${body.id}: ${body.status}` : `${response.status}: ${body.title ?? 'refused'}`);
  }

  return (
    <section className="panel" aria-label="Webhook">
      <h2>TradingView webhook</h2>
      <ErrorBanner error={error} />
      <button onClick={() => void rotate()}>New webhook URL and secret</button>
      {hook && <p role="status">URL <code>{window.location.origin + hook.url}</code> — secret (shown once) <code>{hook.secret}</code></p>}
      <label>Alert message (JSON) <textarea rows={7} value={json} onChange={e => setJson(e.target.value)} spellCheck={false} aria-invalid={!parsed.ok} /></label>
      {parsed.ok ? <p className="muted" data-testid="alert-preview">Would place: {parsed.preview}</p> : <p className="error" role="alert">{parsed.error}</p>}
      <button disabled={!hook || !parsed.ok} onClick={() => void send()}>Send a signed test alert</button>
      {result && <p role="status">{result}</p>}
    </section>
  );
}
