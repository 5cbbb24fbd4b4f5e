using System.Text.RegularExpressions;
using Nija.Api.Auth;
using Nija.Api.Common;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Onboarding;
using Nija.GrainInterfaces.Trading;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Account;

/// <summary>/api/v1/account: profile, balance, positions, history (paged trades), performance, stats and the equity series.</summary>
internal static partial class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/profile", async (HttpContext http, IGrainFactory grains) =>
            await grains.GetGrain<IUserAccountGrain>(http.User.UserId()).Get() is { } profile
                ? Results.Ok(new { profile, onboarding = await grains.GetGrain<IOnboardingGrain>(profile.UserId).GetStatus(), impersonatedBy = http.User.ActorId() })
                : Problems.NotFound("The account"));
        group.MapGet("/balance", async (HttpContext http, IGrainFactory grains) =>
        {
            var a = await Trading(http, grains).GetAccount();
            return Results.Ok(new
            {
                cash = a.Cash, equity = a.Equity, equityPeak = a.EquityPeak, realizedPnl = a.RealizedPnl,
                unrealizedPnl = a.Positions.Where(p => p.Broker == EquityRecord.Paper).Sum(p => p.UnrealizedPnl),
                exchanges = a.Exchanges,
            });
        });
        group.MapGet("/positions", async (HttpContext http, IGrainFactory grains) => Results.Ok((await Trading(http, grains).GetAccount()).Positions));
        group.MapGet("/history", async (string? page, string? pageSize, HttpContext http, IGrainFactory grains) =>
        {
            var (skip, take, error) = QueryParameters.Of(page, pageSize);
            return error ?? Results.Ok(await grains.GetGrain<IUserHistoryGrain>(http.User.UserId()).GetTrades(skip, take));
        });
        group.MapGet("/fills", async (string? page, string? pageSize, HttpContext http, IGrainFactory grains) =>
        {
            var (skip, take, error) = QueryParameters.Of(page, pageSize);
            return error ?? Results.Ok(await grains.GetGrain<IUserHistoryGrain>(http.User.UserId()).GetFills(skip, take));
        });
        group.MapGet("/performance", async (HttpContext http, IGrainFactory grains) => Results.Ok(await Trading(http, grains).GetStats()));
        group.MapGet("/stats", async (HttpContext http, IGrainFactory grains) =>
        {
            var trading = Trading(http, grains);
            // By open status: those are read from the grain's state alone, while a page of all orders reads final ones from the history.
            var open = 0;
            foreach (var status in OpenStatuses)
            {
                open += (await trading.GetOrders(status, 0, 500)).Length;
            }

            return Results.Ok(new
            {
                usage = await trading.GetUsage(),
                openOrders = open,
                riskEvents = await trading.GetRiskEvents(20),
            });
        });
        group.MapGet("/equity", async (string? from, string? to, string? account, HttpContext http, IGrainFactory grains, TimeProvider time) =>
        {
            account ??= EquityRecord.Paper;
            if (!AccountName().IsMatch(account))
            {
                return Problems.Field("account", "account must be \"paper\" or an exchange's name such as \"binance\".");
            }

            var (fromValue, fromError) = QueryParameters.Time(from, "from");
            var (toValue, toError) = QueryParameters.Time(to, "to");
            if ((fromError ?? toError) is { } error)
            {
                return error;
            }

            var end = toValue ?? time.GetUtcNow();
            var start = fromValue ?? end.AddDays(-30);
            if (start > end)
            {
                return Problems.Field("from", "from must be before to.");
            }

            var points = await grains.GetGrain<IUserHistoryGrain>(http.User.UserId()).GetEquity(account, start, end);
            return Results.Ok(points.Select(p => new { at = p.At, equity = p.Equity, cash = p.Cash }));
        });
        return group;
    }

    [GeneratedRegex("^[a-z]{2,32}$")]
    private static partial Regex AccountName();

    private static readonly GrainInterfaces.Orders.OrderStatus[] OpenStatuses =
        [GrainInterfaces.Orders.OrderStatus.New, GrainInterfaces.Orders.OrderStatus.Submitted, GrainInterfaces.Orders.OrderStatus.PartiallyFilled];

    private static ITradingGrain Trading(HttpContext http, IGrainFactory grains) => grains.GetGrain<ITradingGrain>(http.User.UserId());
}
