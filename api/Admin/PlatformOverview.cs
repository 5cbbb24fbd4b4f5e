using Nija.Api.Auth;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Onboarding;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Trading;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Admin;

/// <summary>
/// The founder's overview: users, active users (onboarding finished), open positions, the last 24
/// hours' trades, P&amp;L and risk events, the plan mix, and revenue from the revenue grain. It fans out to each user's
/// grains in batches, so it costs a few milliseconds per thousand users.
/// </summary>
internal sealed class PlatformOverview(IGrainFactory grains, TimeProvider time)
{
    private const int Batch = 256;

    public async Task<object> BuildAsync()
    {
        var users = await grains.GetGrain<IUserDirectoryGrain>(AccountFactory.DirectoryKey).List(0, int.MaxValue);
        int active = 0, openPositions = 0;
        var plans = new Dictionary<PlanTier, int>();
        foreach (var chunk in users.Chunk(Batch))
        {
            var rows = await Task.WhenAll(chunk.Select(async u => (
                Profile: await grains.GetGrain<IUserAccountGrain>(u.UserId).Get(),
                Onboarding: await grains.GetGrain<IOnboardingGrain>(u.UserId).GetStatus(),
                Account: await grains.GetGrain<ITradingGrain>(u.UserId).GetAccount())));
            foreach (var (profile, onboarding, account) in rows)
            {
                active += onboarding.Step == OnboardingStep.Active ? 1 : 0;
                openPositions += account.Positions.Length;
                if (profile is not null)
                {
                    plans[profile.Plan] = plans.GetValueOrDefault(profile.Plan) + 1;
                }
            }
        }

        var day = await grains.GetGrain<IRiskEventsGrain>(0).TradesSince(time.GetUtcNow().AddDays(-1));
        var revenue = await grains.GetGrain<IRevenueGrain>("global").Summary(time.GetUtcNow());
        var global = await grains.GetGrain<IGlobalRiskGrain>("global").GetKillSwitch();
        return new
        {
            users = new { total = users.Length, active },
            openPositions,
            last24h = new { trades = day.Trades, pnl = day.Pnl, riskEvents = day.RiskEvents },
            revenue = new { mrr = revenue.Mrr, arr = revenue.Arr, payingSubscribers = revenue.PayingSubscribers, planMix = plans.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(), p => p.Value) },
            globalKillSwitch = global,
            health = global.Level == KillSwitchLevel.Off ? (day.RiskEvents > 100 ? "yellow" : "green") : "red",
        };
    }
}
