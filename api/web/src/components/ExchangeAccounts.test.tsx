import { render, screen } from '@testing-library/react';
import { ExchangeAccounts, type ExchangeAccount } from './ExchangeAccounts';

const binance: ExchangeAccount = { broker: 'binance', cash: 940.4812, equity: 999.94, equityPeak: 1000.5, realizedPnl: 0, openPositions: 1, balanceReadAt: '2026-11-22T10:00:00Z' };

describe('the exchange accounts table', () => {
  it('shows each exchange with its cash, equity and distance from its own peak', () => {
    const { container } = render(<ExchangeAccounts accounts={[binance, { ...binance, broker: 'kraken', cash: 10, equity: 12, equityPeak: 12, realizedPnl: 2, openPositions: 0, balanceReadAt: null }]} />);

    const cells = (broker: string) => [...container.querySelectorAll(`tr[data-broker="${broker}"] > *`)].map(c => c.textContent);
    expect(cells('binance').slice(0, 6)).toEqual(['binance', '$940.48', '$999.94', '−$0.56', '$0.00', '1']);
    expect(container.querySelector('tr[data-broker="binance"] td:nth-of-type(3)')!.className).toBe('down');
    expect(cells('kraken')).toEqual(['kraken', '$10.00', '$12.00', '$0.00', '+$2.00', '0', 'not yet']);
  });

  it('says how an exchange account comes to be when there is none', () => {
    render(<ExchangeAccounts accounts={[]} />);
    expect(screen.getByText(/No exchange accounts yet/).tagName).toBe('P');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
