// Stripe's official library, for the .NET tests. The payload comes on stdin.
//   node stripe-webhook.mjs sign <secret> <unix timestamp>   prints a Stripe-Signature header
//   node stripe-webhook.mjs verify <secret> <header>         prints the event id, or "error: ..." and exits 1
import Stripe from 'stripe';

const [mode, secret, arg] = process.argv.slice(2);
const stripe = new Stripe('sk_test_unused');
let payload = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) payload += chunk;

if (mode === 'sign') {
  process.stdout.write(stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Number(arg) }));
} else {
  try {
    const event = stripe.webhooks.constructEvent(payload, arg, secret);
    process.stdout.write(event.id);
  } catch (e) {
    process.stdout.write('error: ' + e.message);
    process.exit(1);
  }
}
