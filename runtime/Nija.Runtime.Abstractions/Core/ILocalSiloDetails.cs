namespace Nija.Runtime.Abstractions.Core;

/// <summary>Which silo this code runs in: for diagnostics and dashboards, never for routing.</summary>
public interface ILocalSiloDetails
{
    /// <summary>"host:port@generation" in a cluster; "local" for a silo that is not clustered.</summary>
    string SiloAddress { get; }
}
