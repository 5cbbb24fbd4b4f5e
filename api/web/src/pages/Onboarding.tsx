import { useState } from 'react';
import { api } from '../lib/api';
import { useLoad } from '../lib/useLoad';
import { ErrorBanner, Loading } from '../components/Status';

interface Status { step: string; progressPercent: number; nextStep: string | null }

/** The onboarding wizard: one step at a time, with progress. */
export function Onboarding() {
  const status = useLoad(() => api<Status>('/api/v1/onboarding/status'));
  const [code, setCode] = useState('');
  const [broker, setBroker] = useState({ apiKey: '', apiSecret: '' });
  const [error, setError] = useState<string | null>(null);

  async function act(path: string, body?: unknown) {
    try {
      await api(path, { method: 'POST', body });
      setError(null);
      await status.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  if (!status.data) return status.error ? <ErrorBanner error={status.error} /> : <Loading what="onboarding" />;
  const s = status.data;
  return (
    <section className="panel" aria-label="Onboarding">
      <h2>Getting started</h2>
      <div className="progress" role="progressbar" aria-valuenow={s.progressPercent} aria-valuemin={0} aria-valuemax={100} aria-label="Onboarding progress">
        <div style={{ width: `${s.progressPercent}%` }} />
      </div>
      <p>Step: <strong data-testid="onboarding-step">{s.step}</strong> ({s.progressPercent}%)</p>
      <ErrorBanner error={error} />
      {s.nextStep === 'emailVerified' && (
        <form onSubmit={e => { e.preventDefault(); void act('/api/v1/onboarding/verify-email', { code }); }}>
          <label>Verification code from your e-mail <input value={code} onChange={e => setCode(e.target.value)} inputMode="numeric" required /></label>
          <button type="submit">Verify e-mail</button>
        </form>
      )}
      {s.nextStep === 'brokerConnected' && (
        <form onSubmit={e => { e.preventDefault(); void act('/api/v1/config/brokers', { broker: 'paper', ...broker }); }}>
          <p>Connect a broker account. The paper exchange takes any key and secret of eight characters or more.</p>
          <label>API key <input value={broker.apiKey} onChange={e => setBroker({ ...broker, apiKey: e.target.value })} required autoComplete="off" /></label>
          <label>API secret <input type="password" value={broker.apiSecret} onChange={e => setBroker({ ...broker, apiSecret: e.target.value })} required autoComplete="off" /></label>
          <button type="submit">Connect the paper exchange</button>
        </form>
      )}
      {s.nextStep === 'tutorialCompleted' && <button onClick={() => void act('/api/v1/onboarding/tutorial-complete')}>I have read the tutorial</button>}
      {s.nextStep === 'active' && <button onClick={() => void act('/api/v1/onboarding/activate')}>Activate my account</button>}
      {s.nextStep === null && <p>Your account is active. <a href="#/dashboard">Go to the dashboard</a>.</p>}
    </section>
  );
}
