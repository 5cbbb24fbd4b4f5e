using System.Diagnostics.Metrics;

namespace Nija.Api.Telemetry;

/// <summary>The API's own instruments (meter "Nija.Api"): orders placed through it and live SignalR connections.</summary>
internal sealed class ApiInstruments : IDisposable
{
    public const string MeterName = "Nija.Api";
    private readonly Meter _meter;

    public ApiInstruments(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        Orders = _meter.CreateCounter<long>("nija.api.orders", description: "Orders placed through the API, by outcome");
        HubConnections = _meter.CreateUpDownCounter<long>("nija.api.signalr.connections", description: "Open SignalR connections on this node");
        HubMessages = _meter.CreateCounter<long>("nija.api.signalr.messages", description: "Messages pushed to SignalR clients");
    }

    public Counter<long> Orders { get; }

    public UpDownCounter<long> HubConnections { get; }

    public Counter<long> HubMessages { get; }

    public void Dispose() => _meter.Dispose();
}
