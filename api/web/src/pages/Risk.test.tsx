import { render, screen } from '@testing-library/react';
import { Risk } from './Risk';
import type { Position } from '../components/PositionsTable';
import { answer } from '../test/answer';

const position = (symbol: string, quantity: number, markPrice: number, unrealizedPnl: number): Position => ({
  broker: 'paper', symbol, quantity, averageEntry: markPrice, markPrice, realizedPnl: 0, unrealizedPnl,
});

function serve(positions: unknown, equity: unknown, status = 200) {
  vi.stubGlobal('fetch', vi.fn(async (path: string) => {
    const body = path === '/api/v1/account/positions' ? positions : equity;
    return answer(status, body);
  }));
}

afterEach(() => vi.unstubAllGlobals());

describe('the risk page', () => {
  it('draws one tile per open position, sized by notional and coloured by P&L, and each day’s deepest drawdown', async () => {
    serve(
      [position('BTC-USD', 0.002, 60000, 5), position('ETH-USD', 0.01, 3000, -10), position('SOL-USD', 0, 150, 0)],
      [{ at: '2026-11-20T10:00:00Z', equity: 1000 }, { at: '2026-11-20T12:00:00Z', equity: 950 }, { at: '2026-11-21T10:00:00Z', equity: 990 }],
    );
    render(<Risk />);

    const heatmap = await screen.findByRole('img', { name: 'Risk heatmap' });
    const tiles = [...heatmap.querySelectorAll('rect')];
    expect(tiles.map(t => t.querySelector('title')!.textContent)).toEqual(['BTC-USD: $120.00, +$5.00', 'ETH-USD: $30.00, −$10.00']);
    const area = (t: Element) => Number(t.getAttribute('width')) * Number(t.getAttribute('height'));
    expect(area(tiles[0]) / area(tiles[1])).toBeCloseTo(4, 5);
    expect(tiles[0].getAttribute('fill')).toMatch(/^rgba\(22,163,74,/);
    expect(tiles[1].getAttribute('fill')).toBe('rgba(220,38,38,0.85)');

    const days = [...screen.getByRole('img', { name: 'Deepest drawdown of each day' }).querySelectorAll('div')];
    expect(days.map(d => d.getAttribute('title'))).toEqual(['2026-11-20: −5.00%', '2026-11-21: −1.00%']);
  });

  it('says so when nothing is open, and shows the problem title when the API refuses', async () => {
    serve([position('SOL-USD', 0, 150, 0)], []);
    const { unmount } = render(<Risk />);
    expect(await screen.findByText('No open positions.')).toBeTruthy();
    expect(screen.getByText('No equity history yet.')).toBeTruthy();
    unmount();

    serve({ title: 'The access token has expired.', status: 401 }, {}, 401);
    render(<Risk />);
    expect((await screen.findByRole('alert')).textContent).toContain('The access token has expired.');
  });
});
