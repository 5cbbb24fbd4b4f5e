using Nija.GrainInterfaces.Risk;

namespace Nija.Grains.Risk;

public sealed class GlobalRiskState
{
    public KillSwitchState KillSwitch { get; set; } = KillSwitchState.Initial;
}
