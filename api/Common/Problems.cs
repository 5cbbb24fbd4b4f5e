namespace Nija.Api.Common;

/// <summary>The problem results endpoints return directly.</summary>
internal static class Problems
{
    public static IResult Field(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string what) => Results.Problem(statusCode: 404, title: $"{what} was not found.");

    public static IResult Unauthorized(string title, string? type = null, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: 401, title: title, type: type, extensions: extensions);

    public static IResult Conflict(string title) => Results.Problem(statusCode: 409, title: title);
}
