import * as signalR from '@microsoft/signalr';
import { getToken } from './api';

export type LiveHandlers = Partial<Record<'orderUpdated' | 'positionUpdated' | 'tradeExecuted' | 'notification' | 'marketTick', (data: any) => void>>;

/** Connects to /hubs/live with the session's token; returns a function that disconnects. */
export function connectLive(handlers: LiveHandlers, onState?: (state: string) => void): () => void {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/live', { accessTokenFactory: () => getToken() ?? '' })
    .withAutomaticReconnect()
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  for (const [name, handler] of Object.entries(handlers)) connection.on(name, handler!);
  connection.onreconnecting(() => onState?.('reconnecting'));
  connection.onreconnected(() => onState?.('live'));
  connection.start().then(() => onState?.('live'), () => onState?.('offline'));
  return () => void connection.stop();
}
