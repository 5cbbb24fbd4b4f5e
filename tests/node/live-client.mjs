// A live-hub client for the .NET tests: connects to /hubs/live with a bearer token, optionally
// subscribes to a market, and prints one JSON line per event with the time it arrived (ms since
// the epoch). Prints {"event":"ready"} once connected; exits when stdin closes.
// Usage: node live-client.mjs <baseUrl> <accessToken> [symbol]
import * as signalR from '@microsoft/signalr';

const [baseUrl, token, symbol] = process.argv.slice(2);
const print = (event, data) => process.stdout.write(JSON.stringify({ event, at: Date.now(), data }) + '\n');

const connection = new signalR.HubConnectionBuilder()
  .withUrl(`${baseUrl}/hubs/live`, { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
  .configureLogging(signalR.LogLevel.Error)
  .build();

for (const name of ['orderUpdated', 'positionUpdated', 'tradeExecuted', 'notification', 'marketTick']) {
  connection.on(name, data => print(name, data));
}

try {
  await connection.start();
  // start() resolves at the handshake, before the hub's OnConnectedAsync has attached the user's
  // events; the server dispatches invocations only after it, so one round trip makes "ready" mean
  // attached (unsubscribing a market never subscribed changes nothing).
  if (symbol) await connection.invoke('SubscribeMarket', symbol);
  else await connection.invoke('UnsubscribeMarket', 'BTC-USD');
  print('ready', null);
} catch (e) {
  print('error', String(e));
  process.exit(1);
}

process.stdin.on('end', async () => { await connection.stop(); process.exit(0); });
process.stdin.resume();
