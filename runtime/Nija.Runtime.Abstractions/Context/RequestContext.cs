using System.Collections.Immutable;

namespace Nija.Runtime.Abstractions.Context;

/// <summary>
/// Values that flow with a call: set them before calling a grain and the callee (and everything it
/// calls in turn) sees them. Values are strings so that they cross silo boundaries unchanged.
/// </summary>
/// <remarks>
/// The store is an <see cref="AsyncLocal{T}"/>, which is per logical call flow rather than process
/// state: each flow sees its own copy-on-write dictionary, so flows never see each other's values.
/// </remarks>
public static class RequestContext
{
    /// <summary>Key of the tenant id.</summary>
    public const string TenantIdKey = "nija.tenant";
    /// <summary>Key of the signed-in user's id.</summary>
    public const string UserIdKey = "nija.user";
    /// <summary>Key of the signed-in user's role.</summary>
    public const string RoleKey = "nija.role";
    /// <summary>Key of the correlation id.</summary>
    public const string CorrelationIdKey = "nija.correlation";

    private static readonly AsyncLocal<ImmutableDictionary<string, string>?> Current = new();

    /// <summary>The tenant the call acts for.</summary>
    public static string? TenantId { get => Get(TenantIdKey); set => Set(TenantIdKey, value); }

    /// <summary>The signed-in user.</summary>
    public static string? UserId { get => Get(UserIdKey); set => Set(UserIdKey, value); }

    /// <summary>The signed-in user's role.</summary>
    public static string? Role { get => Get(RoleKey); set => Set(RoleKey, value); }

    /// <summary>Ties together the log lines of one request across grains.</summary>
    public static string? CorrelationId { get => Get(CorrelationIdKey); set => Set(CorrelationIdKey, value); }

    /// <summary>A value, or null.</summary>
    public static string? Get(string key) => Current.Value is { } d && d.TryGetValue(key, out var v) ? v : null;

    /// <summary>Sets a value (null removes it) for this flow and the calls it makes from now on.</summary>
    public static void Set(string key, string? value)
    {
        var d = Current.Value ?? ImmutableDictionary<string, string>.Empty;
        Current.Value = value is null ? d.Remove(key) : d.SetItem(key, value);
    }

    /// <summary>Removes every value from this flow.</summary>
    public static void Clear() => Current.Value = null;

    /// <summary>The whole context, for the runtime to send with a call.</summary>
    public static ImmutableDictionary<string, string>? Export() => Current.Value is { IsEmpty: false } d ? d : null;

    /// <summary>Replaces the context with one received with a call.</summary>
    public static void Import(ImmutableDictionary<string, string>? values) => Current.Value = values;
}
