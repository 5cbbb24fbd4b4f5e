import { createHmac } from 'node:crypto';
import { parseAlert, signAlert } from './alerts';

describe('the webhook playground', () => {
  it('previews a valid alert as the order it becomes', () => {
    expect(parseAlert('{"symbol":"BTC-USD","side":"buy","sizeUsd":50}')).toEqual({ ok: true, preview: 'buy $50 of BTC-USD (market) on paper' });
  });

  it.each([
    ['{"symbol":"BTC-USD"', 'Not valid JSON'],
    ['[1]', 'must be a JSON object'],
    ['{"symbol":"btc/usd","side":"buy","sizeUsd":5}', 'symbol'],
    ['{"symbol":"BTC-USD","side":"hold","sizeUsd":5}', 'side'],
    ['{"symbol":"BTC-USD","side":"buy","sizeUsd":5,"quantity":1}', 'exactly one'],
    ['{"symbol":"BTC-USD","side":"buy","quantity":1,"type":"limit"}', 'limitPrice'],
  ])('refuses %s naming the problem', (text, problem) => {
    const result = parseAlert(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toContain(problem);
  });

  it('signs exactly as the server verifies: hex HMAC-SHA256 of "t.body"', async () => {
    const body = '{"symbol":"BTC-USD","side":"buy","sizeUsd":50}';
    const expected = createHmac('sha256', 'whsec_abc').update(`1700000000.${body}`).digest('hex');
    expect(await signAlert('whsec_abc', 1700000000, body)).toBe(expected);
  });
});
