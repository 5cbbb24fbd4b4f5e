// Numbers as traders read them: currency with a sign where it is a change, percentages with a sign.
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function money(value: number | null | undefined): string {
  return value == null || Number.isNaN(value) ? '—' : usd.format(value);
}

export function signedMoney(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '—';
  return (value > 0 ? '+' : value < 0 ? '−' : '') + usd.format(Math.abs(value));
}

export function signedPct(value: number | null | undefined, digits = 2): string {
  if (value == null || Number.isNaN(value)) return '—';
  return (value > 0 ? '+' : value < 0 ? '−' : '') + Math.abs(value).toFixed(digits) + '%';
}

export function quantity(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 8 });
}

/** A CSS class for a gain or a loss. */
export function tone(value: number | null | undefined): 'up' | 'down' | 'flat' {
  return value == null || value === 0 ? 'flat' : value > 0 ? 'up' : 'down';
}
