using Nija.GrainInterfaces.Orders;
using Nija.GrainInterfaces.Trading;

namespace Nija.Api.Trading;

/// <summary>
/// How an order outcome is answered: 201 when placed, 200 for a replayed client order id, 403 naming
/// the plan limit for a quota breach, 422 naming the risk rule for any other rejection.
/// </summary>
internal static class OrderResults
{
    private static readonly HashSet<string> PlanLimits = new(StringComparer.Ordinal) { "MaxDailyTrades", "PlanLiveTrading" };

    public static IResult From(PlaceOrderResult result)
    {
        var order = result.Order;
        if (result.Replayed)
        {
            return Results.Ok(order);
        }

        if (order.Status != OrderStatus.Rejected)
        {
            return Results.Created($"/api/v1/trading/orders/{order.Id}", order);
        }

        var rule = RuleOf(order.RejectReason);
        return PlanLimits.Contains(rule)
            ? Results.Problem(statusCode: 403, title: $"The plan's {rule} limit is reached.", detail: order.RejectReason,
                extensions: new Dictionary<string, object?> { ["limit"] = rule, ["order"] = order })
            : Results.Problem(statusCode: 422, title: $"The order was rejected by the {rule} rule.", detail: order.RejectReason,
                extensions: new Dictionary<string, object?> { ["rule"] = rule, ["order"] = order });
    }

    public static string RuleOf(string? reason) => reason?.Split(':', 2)[0] ?? "Unknown";
}
