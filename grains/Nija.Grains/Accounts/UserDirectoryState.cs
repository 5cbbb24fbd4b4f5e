using Nija.GrainInterfaces.Accounts;

namespace Nija.Grains.Accounts;

public sealed class UserDirectoryState
{
    public List<DirectoryEntry> Users { get; set; } = [];
}
