namespace Nija.Api.Common;

/// <summary>Query parameters read by hand so that a bad one is a problem naming it: pages (?page=1&amp;pageSize=50), enums, times.</summary>
internal static class QueryParameters
{
    public const int MaxPageSize = 200;

    public static (int Skip, int Take, IResult? Error) Of(string? page, string? pageSize)
    {
        if (!TryInt(page, 1, out var p))
        {
            return (0, 0, Problems.Field("page", "page must be a whole number."));
        }

        if (!TryInt(pageSize, 50, out var size))
        {
            return (0, 0, Problems.Field("pageSize", "pageSize must be a whole number."));
        }

        if (p < 1)
        {
            return (0, 0, Problems.Field("page", "page must be 1 or more."));
        }

        if (size is < 1 or > MaxPageSize)
        {
            return (0, 0, Problems.Field("pageSize", $"pageSize must be between 1 and {MaxPageSize}."));
        }

        return ((p - 1) * size, size, null);
    }

    /// <summary>An optional enum from the query string, by name in any case; the error names the parameter.</summary>
    public static (T? Value, IResult? Error) Enum<T>(string? value, string name)
        where T : struct, System.Enum =>
        value is null ? (null, null)
        : System.Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? (parsed, null)
        : (null, Problems.Field(name, $"{name} must be one of: {string.Join(", ", System.Enum.GetNames<T>().Select(JsonCase))}."));

    /// <summary>An optional ISO 8601 time from the query string; the error names the parameter.</summary>
    public static (DateTimeOffset? Value, IResult? Error) Time(string? value, string name) =>
        value is null ? (null, null)
        : DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed) ? (parsed, null)
        : (null, Problems.Field(name, $"{name} must be an ISO 8601 time such as 2026-11-21T00:00:00Z."));

    private static string JsonCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return text is null || int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
