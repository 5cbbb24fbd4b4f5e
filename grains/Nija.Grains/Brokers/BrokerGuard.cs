using Nija.GrainInterfaces.Brokers;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Grains.Brokers;

/// <summary>Brackets one exchange request with the exchange's broker grain: a permit first, the outcome after.</summary>
public static class BrokerGuard
{
    /// <summary>The code of the exception raised when the broker grain refuses a request (it never left).</summary>
    public const string Refused = "unavailable";

    /// <summary>Runs <paramref name="call"/> if the broker grain permits it; refused requests throw an <see cref="ExchangeException"/> naming why.</summary>
    public static async Task<T> RunAsync<T>(IGrainFactory grains, string broker, int weight, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(call);
        var guard = grains.GetGrain<IBrokerGrain>(broker);
        var permit = await guard.Acquire(weight);
        if (!permit.Granted)
        {
            throw new ExchangeException(broker, Refused, $"{permit.Reason} Retry in {Math.Ceiling(permit.RetryAfter.TotalSeconds)} s.");
        }

        try
        {
            var result = await call();
            await guard.Report(true, null);
            return result;
        }
        catch (ExchangeException e) when (IsClientError(e))
        {
            // The exchange answered: the request was wrong (a bad key, a rejected order), not the exchange.
            await guard.Report(true, null);
            throw;
        }
        catch (Exception e) when (e is ExchangeException or HttpRequestException or TaskCanceledException)
        {
            await guard.Report(false, e is ExchangeException x ? x.Code : e.GetType().Name);
            throw;
        }
    }

    // A refused request rather than a failing exchange: Binance's codes from -1100 down (bad parameters, rejected orders, bad keys),
    // HTTP 4xx other than 429 and 418 (rate limits), and Kraken's API, order and funding errors.
    internal static bool IsClientError(ExchangeException e) =>
        int.TryParse(e.Code, out var code)
            ? code <= -1100 || code is >= 400 and < 500 and not 429 and not 418
            : e.Code.StartsWith("EAPI", StringComparison.Ordinal) || e.Code.StartsWith("EOrder", StringComparison.Ordinal) || e.Code.StartsWith("EFunding", StringComparison.Ordinal)
                || e.Code is "EGeneral:Invalid arguments" or "EGeneral:Permission denied";
}
