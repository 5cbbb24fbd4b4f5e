import { fireEvent, render, screen, within } from '@testing-library/react';
import { Billing, barHeight } from './Billing';
import { answer } from '../test/answer';

const plans = [
  { plan: 'Free', monthlyPriceUsd: 0, yearlyPriceUsd: 0, yearlyDiscountPct: 0 },
  { plan: 'Basic', monthlyPriceUsd: 49, yearlyPriceUsd: 470, yearlyDiscountPct: 20 },
  { plan: 'Pro', monthlyPriceUsd: 149, yearlyPriceUsd: 1430, yearlyDiscountPct: 20 },
];
const usage = { apiCalls: { used: 1200, included: 1000, overageUsd: 6 }, days: [{ day: '2026-11-20', apiCalls: 400 }, { day: '2026-11-21', apiCalls: 800 }, { day: '2026-11-22', apiCalls: 0 }] };
const subscription = (status: string) => ({ subscription: { plan: 'Basic', status, currentPeriodEnd: '2026-12-20T00:00:00Z', cancelAtPeriodEnd: false, trialEndsAt: null } });

type Reply = { status: number; body: unknown };
const json = ({ status, body }: Reply) =>
  answer(status, body);

function serve(routes: Record<string, Reply>) {
  const calls: { path: string; method: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
    calls.push({ path, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return json(routes[path] ?? { status: 404, body: { title: `No route ${path}` } });
  }));
  return calls;
}

const reads = (status: string): Record<string, Reply> => ({
  '/api/v1/subscription/plans': { status: 200, body: plans },
  '/api/v1/subscription/current': { status: 200, body: subscription(status) },
  '/api/v1/subscription/usage': { status: 200, body: usage },
});

afterEach(() => vi.unstubAllGlobals());

describe('the billing page', () => {
  it('shows the plan, the paid plans and usage with each day scaled to the busiest', async () => {
    serve(reads('active'));
    render(<Billing />);

    expect((await screen.findByTestId('current-plan')).textContent).toBe('Basic');
    expect(screen.getAllByRole('heading', { level: 3 }).map(h => h.textContent)).toEqual(['Basic', 'Pro']);
    const chart = await screen.findByRole('img', { name: 'API calls per day' });
    expect([...chart.querySelectorAll('div')].map(d => d.style.height)).toEqual(['53%', '100%', '5%']);
    expect(screen.getByText(/1,200 of 1,000 included API calls/).textContent).toContain('$6.00');
  });

  it('switches a paid subscription to another plan', async () => {
    const calls = serve({ ...reads('active'), '/api/v1/subscription/upgrade': { status: 200, body: {} } });
    render(<Billing />);

    fireEvent.click(await screen.findByRole('button', { name: 'Switch to Pro' }));

    await vi.waitFor(() => expect(calls.find(c => c.method === 'POST')).toEqual({ path: '/api/v1/subscription/upgrade', method: 'POST', body: { plan: 'Pro' } }));
  });

  it('shows the problem title when a subscription is refused', async () => {
    serve({ ...reads('canceled'), '/api/v1/subscription/subscribe': { status: 402, body: { title: 'The card was declined.', status: 402 } } });
    render(<Billing />);

    fireEvent.click(await screen.findByRole('button', { name: 'Subscribe to Pro' }));

    expect((await screen.findByRole('alert')).textContent).toBe('The card was declined.');
    expect(within(screen.getByRole('region', { name: 'Current plan' })).getByTestId('current-plan').textContent).toBe('Basic');
  });
});

describe('a usage bar', () => {
  it('is a share of the busiest day, with a sliver for an empty day or period', () => {
    expect([barHeight(800, 800), barHeight(400, 800), barHeight(0, 800), barHeight(0, 0)]).toEqual([100, 53, 5, 5]);
  });
});
