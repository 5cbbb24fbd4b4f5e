using System.Globalization;

namespace Nija.Runtime.Cluster;

/// <summary>
/// A silo incarnation: its endpoint and a generation (its start time in Unix milliseconds). A silo
/// that restarts on the same endpoint is a new generation; a generation declared dead never returns.
/// </summary>
/// <param name="Host">The advertised host or IP address.</param>
/// <param name="Port">The silo-to-silo port.</param>
/// <param name="Generation">Unique per start of a silo on this endpoint.</param>
public readonly record struct SiloAddress(string Host, int Port, long Generation)
{
    /// <summary>"host:port", the part the hash ring uses (so a restarted silo takes back its ranges).</summary>
    public string Endpoint => $"{Host}:{Port}";

    /// <inheritdoc />
    public override string ToString() => $"{Host}:{Port}@{Generation.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The incarnation of <paramref name="endpoint"/> ("host:port") started as <paramref name="generation"/>.</summary>
    public static SiloAddress FromEndpoint(string endpoint, long generation)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var colon = endpoint.LastIndexOf(':');
        return new SiloAddress(endpoint[..colon], int.Parse(endpoint[(colon + 1)..], CultureInfo.InvariantCulture), generation);
    }

    /// <summary>Reads "host:port@generation".</summary>
    public static SiloAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        var colon = text.LastIndexOf(':', at < 0 ? text.Length - 1 : at);
        if (at < 0 || colon <= 0)
        {
            throw new FormatException($"'{text}' is not a silo address \"host:port@generation\".");
        }

        return new SiloAddress(
            text[..colon],
            int.Parse(text[(colon + 1)..at], CultureInfo.InvariantCulture),
            long.Parse(text[(at + 1)..], CultureInfo.InvariantCulture));
    }
}
