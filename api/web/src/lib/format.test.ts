import { money, signedMoney, signedPct, tone } from './format';

describe('numbers as traders read them', () => {
  it('formats money in US dollars with cents', () => {
    expect(money(1234.5)).toBe('$1,234.50');
    expect(money(null)).toBe('—');
  });

  it('puts a sign on changes, a true minus on losses', () => {
    expect(signedMoney(12.3)).toBe('+$12.30');
    expect(signedMoney(-12.3)).toBe('−$12.30');
    expect(signedMoney(0)).toBe('$0.00');
    expect(signedPct(-1.234)).toBe('−1.23%');
    expect(signedPct(5)).toBe('+5.00%');
  });

  it('gives gains and losses their tone', () => {
    expect([tone(1), tone(-1), tone(0), tone(undefined)]).toEqual(['up', 'down', 'flat', 'flat']);
  });
});
