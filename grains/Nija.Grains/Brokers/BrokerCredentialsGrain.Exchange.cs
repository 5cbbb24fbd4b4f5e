using System.Collections.Immutable;
using System.Text.Json;
using Nija.GrainInterfaces.Brokers;

namespace Nija.Grains.Brokers;

/// <summary>
/// Requests to an exchange on the tenant's behalf. The key is decrypted for the one request, inside
/// this grain, so no other grain, message or log ever holds it. Each request is weighed by its adapter.
/// </summary>
public sealed partial class BrokerCredentialsGrain
{
    async Task<ExchangeSubmission> IBrokerCredentialsGrain.PlaceOrder(string broker, ExchangeOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var adapter = adapters.Get(broker);
        if (Newest(adapter.Name) is null)
        {
            return new ExchangeSubmission(SubmissionOutcome.NotSent, null, $"no {adapter.Name} key is stored; add one under settings");
        }

        try
        {
            var ack = await CallAsync(adapter, ExchangeCall.Place, c => adapter.PlaceOrderAsync(c, order, CancellationToken.None));
            return new ExchangeSubmission(SubmissionOutcome.Accepted, ack, null);
        }
        catch (ExchangeException e) when (e.Code == BrokerGuard.Refused)
        {
            return new ExchangeSubmission(SubmissionOutcome.NotSent, null, e.Message);
        }
        catch (ExchangeException e) when (BrokerGuard.IsClientError(e))
        {
            return new ExchangeSubmission(SubmissionOutcome.Refused, null, e.Message);
        }
        catch (Exception e) when (e is ExchangeException or HttpRequestException or TaskCanceledException or JsonException)
        {
            return new ExchangeSubmission(SubmissionOutcome.Unknown, null, e is ExchangeException ? e.Message : $"no answer from {adapter.Name} ({e.GetType().Name})");
        }
    }

    Task<ExchangeOrderReport?> IBrokerCredentialsGrain.GetOrder(string broker, string symbol, string clientOrderId)
    {
        var adapter = adapters.Get(broker);
        return CallAsync(adapter, ExchangeCall.Query, c => adapter.GetOrderAsync(c, symbol, clientOrderId, CancellationToken.None));
    }

    Task<bool> IBrokerCredentialsGrain.CancelOrder(string broker, string symbol, string clientOrderId)
    {
        var adapter = adapters.Get(broker);
        return CallAsync(adapter, ExchangeCall.Cancel, c => adapter.CancelOrderAsync(c, symbol, clientOrderId, CancellationToken.None));
    }

    async Task<ImmutableArray<ExchangeFill>> IBrokerCredentialsGrain.GetFills(string broker, string symbol)
    {
        var adapter = adapters.Get(broker);
        return [.. await CallAsync(adapter, ExchangeCall.Fills, c => adapter.GetFillsAsync(c, symbol, CancellationToken.None))];
    }

    async Task<ImmutableArray<ExchangeBalance>> IBrokerCredentialsGrain.GetBalances(string broker)
    {
        var adapter = adapters.Get(broker);
        return [.. await CallAsync(adapter, ExchangeCall.Balances, c => adapter.GetBalancesAsync(c, CancellationToken.None))];
    }

    private Task<T> CallAsync<T>(IExchangeAdapter adapter, ExchangeCall kind, Func<ExchangeCredentials, Task<T>> call)
    {
        var stored = Newest(adapter.Name) ?? throw new ExchangeException(adapter.Name, "nokey", $"no {adapter.Name} key is stored");
        string Bind(string field) => $"{GetPrimaryKeyString()}/{stored.Broker}/{stored.Id}/{field}";
        return BrokerGuard.RunAsync(GrainFactory, adapter.Name, adapter.Weight(kind), () => call(new ExchangeCredentials(
            vault.Decrypt(stored.ApiKey!, Bind("apiKey")),
            vault.Decrypt(stored.ApiSecret!, Bind("apiSecret")),
            stored.Passphrase is null ? null : vault.Decrypt(stored.Passphrase, Bind("passphrase")))));
    }

    private StoredCredential? Newest(string broker) =>
        state.State.Credentials.Where(c => c.Broker == broker).MaxBy(c => c.AddedAt);
}
