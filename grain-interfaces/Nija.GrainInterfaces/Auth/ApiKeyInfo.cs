namespace Nija.GrainInterfaces.Auth;

/// <summary>A personal API key as its owner sees it: never the key, only its prefix.</summary>
public sealed record ApiKeyInfo(string Id, string Name, ApiKeyScope Scope, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>A key just created: the only time its secret is returned.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);

/// <summary>What a personal API key may do.</summary>
public enum ApiKeyScope
{
    Read,
    Trade,
}
