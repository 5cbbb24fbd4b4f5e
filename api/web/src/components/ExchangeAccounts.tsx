import { money, signedMoney, tone } from '../lib/format';

/** A trader's account on a real exchange, as GET /api/v1/account/balance lists it under "exchanges". */
export interface ExchangeAccount {
  broker: string;
  cash: number;
  equity: number;
  equityPeak: number;
  realizedPnl: number;
  openPositions: number;
  balanceReadAt: string | null;
}

/**
 * One row per exchange the trader has traded on: the quote-asset balance Nija last read there, equity
 * with Nija's positions marked, the distance from its own peak, and when the balance was read.
 * The paper account stays on the cards above; the two never add up into one figure.
 */
export function ExchangeAccounts({ accounts }: { accounts: ExchangeAccount[] }) {
  if (accounts.length === 0) {
    return <p className="muted">No exchange accounts yet: live orders on Binance or Kraken open one (keys under Settings).</p>;
  }

  return (
    <table className="table">
      <thead>
        <tr><th scope="col">Exchange</th><th scope="col">Cash</th><th scope="col">Equity</th><th scope="col">From peak</th><th scope="col">Realized</th><th scope="col">Open</th><th scope="col">Balance read</th></tr>
      </thead>
      <tbody>
        {accounts.map(a => (
          <tr key={a.broker} data-broker={a.broker}>
            <th scope="row">{a.broker}</th>
            <td>{money(a.cash)}</td>
            <td>{money(a.equity)}</td>
            <td className={tone(a.equity - a.equityPeak)}>{signedMoney(a.equity - a.equityPeak)}</td>
            <td className={tone(a.realizedPnl)}>{signedMoney(a.realizedPnl)}</td>
            <td>{a.openPositions}</td>
            <td>{a.balanceReadAt ? new Date(a.balanceReadAt).toLocaleString() : 'not yet'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
