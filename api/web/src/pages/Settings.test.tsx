import { fireEvent, render, screen, within } from '@testing-library/react';
import { SettingsPage } from './Settings';
import { answer } from '../test/answer';

// The playground has its own tests' worth of behaviour; here it only has to be on the page.
vi.mock('../components/WebhookPlayground', () => ({ WebhookPlayground: () => <section aria-label="Webhook" /> }));

const settings = { maxPositionSizeUsd: 100, maxConcurrentPositions: 3, maxDailyLossPct: 10, riskLevel: 'moderate', allowedPairs: null, notificationsEnabled: true };
type Call = { path: string; method: string; body: unknown };

function serve(refuse?: { path: string; title: string }) {
  const calls: Call[] = [];
  const brokers: { id: string; broker: string; keyHint: string; addedAt: string }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (path: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ path, method, body });
    const reply = (status: number, value: unknown) =>
      answer(status, value);
    if (refuse && path === refuse.path && method !== 'GET') return reply(422, { title: refuse.title, status: 422 });
    if (path === '/api/v1/config/brokers' && method === 'POST') {
      brokers.push({ id: 'b1', broker: body.broker, keyHint: body.apiKey.slice(-4), addedAt: '2026-11-22T00:00:00Z' });
      return reply(201, brokers[0]);
    }
    if (path === '/api/v1/config/settings') return reply(200, settings);
    if (path === '/api/v1/config/brokers') return reply(200, brokers);
    return reply(200, []);
  }));
  return calls;
}

const writes = (calls: Call[]) => calls.filter(c => c.method !== 'GET');

afterEach(() => vi.unstubAllGlobals());

describe('the settings page', () => {
  it('sends only the limits that were edited, as numbers', async () => {
    const calls = serve();
    render(<SettingsPage />);

    fireEvent.change(await screen.findByLabelText('Max concurrent positions'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save limits' }));

    expect((await screen.findByRole('status')).textContent).toBe('Limits saved.');
    expect(writes(calls)).toEqual([{ path: '/api/v1/config/settings', method: 'PUT', body: { maxConcurrentPositions: 5 } }]);
    expect((screen.getByLabelText('Max position size (USD)') as HTMLInputElement).placeholder).toBe('100');
  });

  it('adds a broker key, clears what was typed and shows only its hint', async () => {
    const calls = serve();
    render(<SettingsPage />);
    const keys = screen.getByRole('region', { name: 'Broker keys' });

    fireEvent.change(within(keys).getByLabelText('Broker'), { target: { value: 'binance' } });
    fireEvent.change(within(keys).getByLabelText('API key'), { target: { value: 'key-ABCD1234' } });
    fireEvent.change(within(keys).getByLabelText('API secret'), { target: { value: 's3cret-value' } });
    fireEvent.click(within(keys).getByRole('button', { name: 'Add key' }));

    expect(await within(keys).findByText(/binance …1234/)).toBeTruthy();
    expect(writes(calls)).toEqual([{ path: '/api/v1/config/brokers', method: 'POST', body: { broker: 'binance', apiKey: 'key-ABCD1234', apiSecret: 's3cret-value' } }]);
    await vi.waitFor(() => expect((within(keys).getByLabelText('API secret') as HTMLInputElement).value).toBe(''));
    expect(document.body.textContent).not.toContain('s3cret-value');
  });

  it('shows why a key was refused', async () => {
    serve({ path: '/api/v1/config/brokers', title: 'This key can withdraw funds; create one without withdrawal permission.' });
    render(<SettingsPage />);
    const keys = screen.getByRole('region', { name: 'Broker keys' });

    fireEvent.change(within(keys).getByLabelText('API key'), { target: { value: 'k' } });
    fireEvent.change(within(keys).getByLabelText('API secret'), { target: { value: 's' } });
    fireEvent.click(within(keys).getByRole('button', { name: 'Add key' }));

    expect((await screen.findByRole('alert')).textContent).toBe('This key can withdraw funds; create one without withdrawal permission.');
  });
});
