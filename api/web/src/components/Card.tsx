import { tone } from '../lib/format';

/** A dashboard figure with its change beside it. */
export function Card({ label, value, change, changeValue }: { label: string; value: string; change?: string; changeValue?: number }) {
  return (
    <section className="card" aria-label={label}>
      <h3>{label}</h3>
      <p className="figure">{value}</p>
      {change && <p className={`change ${tone(changeValue)}`}>{change}</p>}
    </section>
  );
}
