using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Auth;

/// <summary>A personal API key's lookup entry (key: the SHA-256 of the key, so the store never holds a usable key).</summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    Task Create(string userId, string id, ApiKeyScope scope);

    /// <summary>The owner and scope, or null when unknown or revoked.</summary>
    [ReadOnly]
    Task<ApiKeyOwner?> Resolve();

    Task Revoke();
}

/// <summary>Whose key it is and what it may do.</summary>
public sealed record ApiKeyOwner(string UserId, string Id, ApiKeyScope Scope);
