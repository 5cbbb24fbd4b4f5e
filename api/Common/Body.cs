using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Nija.Api.Common;

/// <summary>
/// A JSON request body read strictly: unknown fields and wrong types are refused with the JSON path
/// of the offending field, which the built-in binder cannot report.
/// </summary>
internal sealed class Body<T>(T value)
    where T : class
{
    public T Value { get; } = value;

    public static async ValueTask<Body<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        if (!(context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            throw new RequestBodyException("body", "The body must be JSON (Content-Type: application/json).");
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(context.Request.Body, options, context.RequestAborted);
            return value is null ? throw new RequestBodyException("body", "The body must be a JSON object.") : new Body<T>(value);
        }
        catch (JsonException e)
        {
            throw new RequestBodyException(FieldOf(e), Describe(e));
        }
    }

    // "$.limitPrice" -> "limitPrice"; unknown members are reported by name in the message.
    private static string FieldOf(JsonException e)
    {
        var path = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal) && e.Message.Split('\'') is { Length: >= 2 } parts)
        {
            return parts[1];
        }

        return path ?? "body";
    }

    private static string Describe(JsonException e) => e.Message.Contains("could not be mapped", StringComparison.Ordinal)
        ? "This field is not part of the request."
        : e.Message.Contains("missing required properties", StringComparison.Ordinal)
            ? "A required field is missing: " + e.Message[(e.Message.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()
            : "The value is not valid JSON for this field" + (e.Path is null ? "." : $" ({e.Path}).");
}
