using Nija.GrainInterfaces.Auth;

namespace Nija.Grains.Auth;

public sealed class UserSecurityState
{
    /// <summary>Refresh-token families still possibly alive (trimmed to the newest).</summary>
    public List<string> Sessions { get; set; } = [];

    public List<ApiKeyInfo> ApiKeys { get; set; } = [];

    /// <summary>Key id → SHA-256 of the key, to revoke the lookup entry.</summary>
    public Dictionary<string, string> ApiKeyHashes { get; set; } = [];
}
