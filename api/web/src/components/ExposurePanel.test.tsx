import { render, screen, within } from '@testing-library/react';
import { ExposurePanel, shares } from './ExposurePanel';
import { answer } from '../test/answer';

function serve(status: number, body: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () =>
    answer(status, body)));
}

const rows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map(r => [...r.querySelectorAll('td')].map(td => td.textContent));

afterEach(() => vi.unstubAllGlobals());

describe('the global exposure panel', () => {
  it('lists exposure by symbol, exchange and user, largest first, with each share of the total', async () => {
    serve(200, {
      totalNotional: 1000, bySymbol: { 'ETH-USD': 250, 'BTC-USD': 750 }, byBroker: { paper: 1000 },
      topUsers: [{ userId: 'u_1', notional: 600 }, { userId: 'u_2', notional: 400 }], version: 3,
    });
    render(<ExposurePanel />);

    expect((await screen.findByTestId('total-notional')).textContent).toBe('Total notional $1,000.00');
    expect(rows(screen.getByRole('table', { name: 'By symbol' }))).toEqual([['BTC-USD', '$750.00', '75.0%'], ['ETH-USD', '$250.00', '25.0%']]);
    expect(rows(screen.getByRole('table', { name: 'By exchange' }))).toEqual([['paper', '$1,000.00', '100.0%']]);
    expect(rows(screen.getByRole('table', { name: 'Largest users' }))).toEqual([['u_1', '$600.00', '60.0%'], ['u_2', '$400.00', '40.0%']]);
  });

  it('says when nothing is open, and shows the problem title when refused', async () => {
    serve(200, { totalNotional: 0, bySymbol: {}, byBroker: {}, topUsers: [], version: 0 });
    const { unmount } = render(<ExposurePanel />);
    expect(await screen.findByText('No open positions on the platform.')).toBeTruthy();
    unmount();

    serve(403, { title: 'Forbidden: admins only.', status: 403 });
    render(<ExposurePanel />);
    expect((await screen.findByRole('alert')).textContent).toBe('Forbidden: admins only.');
  });

  it('orders equal amounts by name and has no share of an empty total', () => {
    expect(shares({ b: 5, a: 5 }, 0)).toEqual([{ name: 'a', amount: 5, pct: '—' }, { name: 'b', amount: 5, pct: '—' }]);
  });
});
