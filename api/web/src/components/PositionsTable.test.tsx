import { act, render, screen } from '@testing-library/react';
import { PositionsTable, type Position } from './PositionsTable';

const btc: Position = { broker: 'paper', symbol: 'BTC-USD', quantity: 0.001, averageEntry: 60000, markPrice: 60000, unrealizedPnl: 0, realizedPnl: 0 };

describe('the live positions table', () => {
  it('says so when there are no open positions', () => {
    render(<PositionsTable positions={[{ ...btc, quantity: 0 }]} />);
    expect(screen.getByText('No open positions.').tagName).toBe('P');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('flashes a row that changed and only that row', () => {
    vi.useFakeTimers();
    const eth = { ...btc, symbol: 'ETH-USD' };
    const { rerender, container } = render(<PositionsTable positions={[btc, eth]} />);
    act(() => vi.advanceTimersByTime(2000));

    rerender(<PositionsTable positions={[{ ...btc, markPrice: 61000, unrealizedPnl: 1 }, eth]} />);

    expect(container.querySelector('tr[data-symbol="BTC-USD"]')!.className).toBe('flash');
    expect(container.querySelector('tr[data-symbol="ETH-USD"]')!.className).toBe('');
    expect(container.querySelector('tr[data-symbol="BTC-USD"] td:last-child')!.textContent).toBe('+$1.00');
    act(() => vi.advanceTimersByTime(2000));
    expect(container.querySelector('tr[data-symbol="BTC-USD"]')!.className).toBe('');
    vi.useRealTimers();
  });
});
