using Nija.GrainInterfaces.Accounts;

namespace Nija.Grains.Accounts;

public sealed class InvitationState
{
    public Invitation? Invitation { get; set; }
}
