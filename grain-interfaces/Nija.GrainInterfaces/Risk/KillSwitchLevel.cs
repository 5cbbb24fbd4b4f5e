namespace Nija.GrainInterfaces.Risk;

/// <summary>How hard a kill switch holds trading back; each level includes the ones before it.</summary>
public enum KillSwitchLevel
{
    /// <summary>Trading as usual.</summary>
    Off,
    /// <summary>No new entries; orders that reduce a position still go through.</summary>
    Pause,
    /// <summary>No new orders at all; open orders are canceled.</summary>
    Stop,
    /// <summary>Stop, and close every position at market.</summary>
    Flatten,
}
