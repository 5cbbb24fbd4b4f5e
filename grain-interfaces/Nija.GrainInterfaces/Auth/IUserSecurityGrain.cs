using System.Collections.Immutable;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Auth;

/// <summary>A user's sessions and personal API keys (key: the user id).</summary>
public interface IUserSecurityGrain : IGrainWithStringKey
{
    Task AddSession(string familyId);

    /// <summary>Revokes every refresh-token family (password change, reset, account deletion).</summary>
    Task<int> RevokeAllSessions();

    /// <summary>Creates a key; the returned secret is shown once and only its hash is kept.</summary>
    Task<CreatedApiKey> CreateApiKey(string name, ApiKeyScope scope);

    [ReadOnly]
    Task<ImmutableArray<ApiKeyInfo>> ListApiKeys();

    /// <summary>Revokes a key; false when it is not this user's.</summary>
    Task<bool> RevokeApiKey(string id);
}
