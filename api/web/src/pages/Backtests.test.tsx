import { fireEvent, render, screen } from '@testing-library/react';
import { Backtests } from './Backtests';
import { serveEach as serve } from '../test/answer';

// The chart draws on a canvas, which the test DOM lacks; the page's job is to hand it the equity.
const charted: { at: string; equity: number }[][] = [];
vi.mock('../components/EquityChart', () => ({
  EquityChart: ({ points }: { points: { at: string; equity: number }[] }) => {
    charted.push(points);
    return <div role="img" aria-label="Equity" />;
  },
}));

const report = {
  strategy: 'apex-dual-rsi', prices: 720,
  stats: { trades: 14, winRatePct: 57.14, totalPnl: 23.456, maxDrawdownPct: 3.2, sharpe: 1.234 },
  equity: [{ at: '2026-11-22T00:00:00Z', equity: 1000 }, { at: '2026-11-22T12:00:00Z', equity: 1023.46 }],
};

afterEach(() => {
  vi.unstubAllGlobals();
  charted.length = 0;
});

describe('the backtests page', () => {
  it('runs the form’s strategy and shows its statistics and equity', async () => {
    const sent = serve(200, report);
    render(<Backtests />);

    fireEvent.change(screen.getByLabelText('Symbol'), { target: { value: 'eth-usd' } });
    fireEvent.change(screen.getByLabelText('Minutes'), { target: { value: '720' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run backtest' }));

    expect((await screen.findByTestId('backtest-stats')).textContent).toBe('14 trades · win rate 57.1% · P&L +$23.46 · max drawdown 3.20% · Sharpe 1.23');
    expect(sent).toEqual([{ strategy: 'apex-dual-rsi', symbol: 'ETH-USD', steps: 720 }]);
    expect(charted.at(-1)).toEqual(report.equity);
  });

  it('shows the problem title of a refused run and no result', async () => {
    serve(400, { title: 'steps must be between 60 and 10080.', status: 400 });
    render(<Backtests />);

    fireEvent.click(screen.getByRole('button', { name: 'Run backtest' }));

    expect((await screen.findByRole('alert')).textContent).toBe('steps must be between 60 and 10080.');
    expect(screen.queryByTestId('backtest-stats')).toBeNull();
  });
});
