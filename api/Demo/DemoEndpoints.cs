using System.Text.RegularExpressions;
using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Demo;

/// <summary>The demo greeter over REST, until the trading endpoints land.</summary>
public static partial class DemoEndpoints
{
    /// <summary>Maps GET /greet/{name} (read) and POST /greet/{name} (greet and count).</summary>
    public static RouteGroupBuilder MapDemoEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost("/greet/{name}", async (string name, string? from, IGrainFactory grains) =>
            Invalid(name) ?? Results.Ok(await grains.GetGrain<IGreeterGrain>(name).Greet(from ?? "the Nija demo")));
        group.MapGet("/greet/{name}", async (string name, IGrainFactory grains) =>
            Invalid(name) ?? Results.Ok(await grains.GetGrain<IGreeterGrain>(name).Last()));
        return group;
    }

    private static IResult? Invalid(string name) => NamePattern().IsMatch(name)
        ? null
        : Results.ValidationProblem(new Dictionary<string, string[]>
        {
            ["name"] = ["The name must be 1 to 64 letters, digits, '-' or '_'."],
        });

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
