import { useState } from 'react';
import { api } from '../lib/api';
import { useLoad } from '../lib/useLoad';
import { money } from '../lib/format';
import { ErrorBanner, Loading } from '../components/Status';

interface Plan { plan: string; monthlyPriceUsd: number; yearlyPriceUsd: number; yearlyDiscountPct: number }
interface Current { subscription: { plan: string; status: string; currentPeriodEnd: string | null; cancelAtPeriodEnd: boolean; trialEndsAt: string | null } }
interface Usage { apiCalls: { used: number; included: number; overageUsd: number }; days: { day: string; apiCalls: number }[] }

const busiest = (days: Usage['days']) => Math.max(0, ...days.map(d => d.apiCalls));

/** A day's bar as a percentage of the busiest day's, with a sliver for an empty day so that it still shows. */
export const barHeight = (calls: number, max: number) => (max <= 0 ? 5 : Math.round(5 + (95 * calls) / max));

/** Plans, the current subscription, usage, and the actions on it. */
export function Billing() {
  const plans = useLoad(() => api<Plan[]>('/api/v1/subscription/plans'));
  const current = useLoad(() => api<Current>('/api/v1/subscription/current'));
  const usage = useLoad(() => api<Usage>('/api/v1/subscription/usage'));
  const [error, setError] = useState<string | null>(null);

  async function act(path: string, body?: unknown) {
    try {
      const r = await api<{ redirectUrl?: string | null }>(path, { method: 'POST', body });
      if (r?.redirectUrl) window.location.assign(r.redirectUrl);
      setError(null);
      await Promise.all([current.reload(), usage.reload()]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const sub = current.data?.subscription;
  const paid = sub && (sub.status === 'active' || sub.status === 'pastDue');
  return (
    <div className="stack">
      <ErrorBanner error={error ?? current.error ?? plans.error} />
      <section className="panel" aria-label="Current plan">
        <h2>Current plan</h2>
        {!sub ? <Loading what="subscription" /> : (
          <p><strong data-testid="current-plan">{sub.plan}</strong> ({sub.status}){sub.trialEndsAt && `, trial until ${new Date(sub.trialEndsAt).toLocaleDateString()}`}
            {sub.currentPeriodEnd && `, period ends ${new Date(sub.currentPeriodEnd).toLocaleDateString()}`}{sub.cancelAtPeriodEnd && ' — cancels then'}</p>
        )}
        {paid && <button onClick={() => void act('/api/v1/subscription/cancel')}>Cancel at period end</button>}
        {sub?.cancelAtPeriodEnd && <button onClick={() => void act('/api/v1/subscription/reactivate')}>Reactivate</button>}
      </section>
      <section className="panel" aria-label="Plans">
        <h2>Plans</h2>
        <div className="cards">
          {plans.data?.filter(p => p.monthlyPriceUsd > 0).map(p => (
            <div className="card" key={p.plan}>
              <h3>{p.plan}</h3>
              <p className="figure">{money(p.monthlyPriceUsd)}<span className="muted"> / month</span></p>
              <p className="muted">{money(p.yearlyPriceUsd)} a year ({p.yearlyDiscountPct}% off)</p>
              <button onClick={() => void act(paid ? '/api/v1/subscription/upgrade' : '/api/v1/subscription/subscribe', paid ? { plan: p.plan } : { plan: p.plan, interval: 'monthly' })}>
                {paid ? `Switch to ${p.plan}` : `Subscribe to ${p.plan}`}
              </button>
            </div>
          ))}
        </div>
      </section>
      <section className="panel" aria-label="Usage">
        <h2>Usage this period</h2>
        {usage.data ? (
          <>
            <p>{usage.data.apiCalls.used.toLocaleString()} of {usage.data.apiCalls.included.toLocaleString()} included API calls; overage {money(usage.data.apiCalls.overageUsd)}</p>
            <div className="bars" role="img" aria-label="API calls per day">
              {usage.data.days.map(d => <div key={d.day} title={`${d.day}: ${d.apiCalls}`} style={{ height: `${barHeight(d.apiCalls, busiest(usage.data!.days))}%` }} />)}
            </div>
          </>
        ) : <Loading what="usage" />}
        <button onClick={() => void api<{ url: string }>('/api/v1/subscription/portal').then(r => window.open(r.url, '_blank'), e => setError(String(e.message ?? e)))}>Payment methods and invoices</button>
      </section>
    </div>
  );
}
