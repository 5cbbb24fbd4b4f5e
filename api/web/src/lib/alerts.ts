// The webhook playground's logic: validate an alert the way the API will, and sign it as X-Nija-Signature expects.

export type AlertCheck = { ok: true; preview: string } | { ok: false; error: string };

const symbolPattern = /^[A-Z0-9]{2,10}-[A-Z0-9]{2,10}$/;

export function parseAlert(text: string): AlertCheck {
  let alert: any;
  try {
    alert = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${(e as Error).message}` };
  }
  if (typeof alert !== 'object' || alert === null || Array.isArray(alert)) return { ok: false, error: 'The alert must be a JSON object.' };
  if (!symbolPattern.test(alert.symbol ?? '')) return { ok: false, error: 'symbol must be a pair written like BTC-USD.' };
  if (alert.side !== 'buy' && alert.side !== 'sell') return { ok: false, error: 'side must be buy or sell.' };
  const bySize = typeof alert.sizeUsd === 'number' && alert.sizeUsd > 0;
  const byQuantity = typeof alert.quantity === 'number' && alert.quantity > 0;
  if (bySize === byQuantity) return { ok: false, error: 'Give exactly one of sizeUsd and quantity, positive.' };
  const type = alert.type ?? 'market';
  if (type === 'limit' && !(alert.limitPrice > 0)) return { ok: false, error: 'A limit order needs a positive limitPrice.' };
  return { ok: true, preview: `${alert.side} ${bySize ? `$${alert.sizeUsd} of` : alert.quantity} ${alert.symbol} (${type}) on ${alert.broker ?? 'paper'}` };
}

/** Hex HMAC-SHA256 of "t.body" with the webhook secret (Web Crypto). */
export async function signAlert(secret: string, t: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${t}.${body}`));
  return [...new Uint8Array(mac)].map(b => b.toString(16).padStart(2, '0')).join('');
}
