import { fireEvent, render, screen, within } from '@testing-library/react';
import { Admin } from './Admin';

// The chart draws on a canvas, which the test DOM lacks; the page's job is to hand it the right points.
const charted: { label: string; points: { at: string; value: number }[] }[] = [];
vi.mock('../components/EquityChart', () => ({
  TimeSeriesChart: (props: { label: string; points: { at: string; value: number }[] }) => {
    charted.push(props);
    return <div role="img" aria-label={props.label} />;
  },
}));

const overview = {
  users: { total: 12, active: 9 }, openPositions: 4, last24h: { trades: 30, pnl: -12.5, riskEvents: 2 },
  revenue: { mrr: 347, arr: 4164 }, health: 'red', globalKillSwitch: { level: 'stop', reason: 'exchange outage' },
};
const users = { total: 1, users: [{ userId: 'u_1', email: 'ana@example.com', role: 'user', plan: 'basic' }] };
const revenue = {
  mrr: 347, arr: 4164, payingSubscribers: 3, monthlyChurnPct: 4.2, trialConversionPct: 50, arpu: 115.67,
  subscribersByPlan: { basic: 2, pro: 1 }, mrrHistory: [{ month: '2026-10', mrr: 198 }, { month: '2026-11', mrr: 347 }],
};

type Call = { path: string; method: string; body: unknown };

function serve(extra: Record<string, unknown> = {}) {
  const calls: Call[] = [];
  const routes: Record<string, unknown> = {
    '/api/v1/admin/overview': overview, '/api/v1/admin/users?pageSize=100': users, '/api/v1/admin/revenue': revenue,
    '/api/v1/admin/exposure': { totalNotional: 0, bySymbol: {}, byBroker: {}, topUsers: [], version: 0 }, ...extra,
  };
  vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
    calls.push({ path, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return new Response(JSON.stringify(routes[path] ?? {}), { status: 200, headers: { 'Content-Type': 'application/json' } });
  }));
  return calls;
}

const posted = (calls: Call[]) => calls.filter(c => c.method !== 'GET');

afterEach(() => {
  vi.unstubAllGlobals();
  charted.length = 0;
});

describe('the founder pages', () => {
  it('show the health banner with the global stop, the overview cards and the revenue figures', async () => {
    serve();
    render(<Admin />);

    expect((await screen.findByTestId('health')).textContent).toBe('Platform health: red — global stop (stop): exchange outage');
    expect(screen.getByText('−$12.50, 2 risk events')).toBeTruthy();
    expect((await screen.findByTestId('mrr')).textContent).toBe('MRR $347.00 · ARR $4,164.00 · 3 paying · churn 4.2% · trial conversion 50% · ARPU $115.67');
    expect(screen.getByText('Plan mix: basic 2, pro 1')).toBeTruthy();
    expect(charted.at(-1)).toEqual(expect.objectContaining({
      label: 'MRR by month', points: [{ at: '2026-10-01T00:00:00Z', value: 198 }, { at: '2026-11-01T00:00:00Z', value: 347 }],
    }));
  });

  it('stop all trading only once STOP is typed', async () => {
    const calls = serve();
    render(<Admin />);
    const stop = await screen.findByRole('button', { name: 'Stop all trading' });

    expect((stop as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Type STOP to confirm'), { target: { value: 'STOP' } });
    fireEvent.click(stop);

    await vi.waitFor(() => expect(posted(calls)).toEqual([{
      path: '/api/v1/admin/kill-switch', method: 'POST', body: { scope: 'global', action: 'stop', reason: 'founder emergency stop' },
    }]));
  });

  it('change a user’s plan and create an invitation whose code is shown once', async () => {
    const calls = serve({ '/api/v1/admin/invitations': { code: 'INV-7Q2', expiresAt: '2026-12-06T00:00:00Z' } });
    render(<Admin />);

    fireEvent.change(await screen.findByLabelText('Plan of ana@example.com'), { target: { value: 'pro' } });
    const invitations = screen.getByRole('form', { name: 'Invitations' });
    fireEvent.change(within(invitations).getByLabelText('E-mail'), { target: { value: 'ben@example.com' } });
    fireEvent.submit(invitations);

    expect((await screen.findByTestId('invitation-code')).textContent).toBe('INV-7Q2');
    expect(posted(calls)).toEqual([
      { path: '/api/v1/admin/users/u_1', method: 'PATCH', body: { plan: 'pro' } },
      { path: '/api/v1/admin/invitations', method: 'POST', body: { email: 'ben@example.com', tier: 'free', validityDays: 14 } },
    ]);
  });
});
