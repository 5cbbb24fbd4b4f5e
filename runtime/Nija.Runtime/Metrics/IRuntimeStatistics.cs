namespace Nija.Runtime.Metrics;

/// <summary>Reads the silo's figures; the cluster dashboard polls this.</summary>
public interface IRuntimeStatistics
{
    /// <summary>The figures now.</summary>
    RuntimeSnapshot GetSnapshot();
}
