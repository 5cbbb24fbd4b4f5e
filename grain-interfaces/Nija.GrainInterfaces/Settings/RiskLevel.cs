namespace Nija.GrainInterfaces.Settings;

/// <summary>How aggressive a user's strategies may be.</summary>
public enum RiskLevel
{
    Conservative,
    Moderate,
    Aggressive,
}
