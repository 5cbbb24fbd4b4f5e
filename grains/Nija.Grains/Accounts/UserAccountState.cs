using Nija.GrainInterfaces.Accounts;

namespace Nija.Grains.Accounts;

public sealed class UserAccountState
{
    public UserProfile? Profile { get; set; }
}
