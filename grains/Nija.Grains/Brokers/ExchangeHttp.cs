using System.Globalization;
using System.Text.Json;

namespace Nija.Grains.Brokers;

/// <summary>Reading an exchange's HTTP answer, which is JSON unless a proxy or an outage answered instead.</summary>
public static class ExchangeHttp
{
    /// <summary>The answer's JSON; an answer that is not JSON becomes an <see cref="ExchangeException"/> coded with the HTTP status.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, string exchange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(body);
        }
        catch (JsonException)
        {
            // An HTML error page from a gateway, or an empty body: only the status says anything.
            throw new ExchangeException(exchange, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} without a JSON body");
        }
    }
}
