using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Billing;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Billing;

public sealed class UsageReportingTests
{
    [Fact]
    public async Task Each_finished_days_metered_calls_are_reported_to_the_provider_once_by_the_daily_tick()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var provider = new RecordingProvider();
        await using var silo = await GrainSilo.StartAsync(clock, services => services.AddSingleton<IPaymentProvider>(provider));
        await silo.GrainFactory.GetGrain<IUserAccountGrain>("metered").Create("metered@example.com", "Metered", UserRole.User, PlanTier.Free);
        var subscription = silo.GrainFactory.GetGrain<ISubscriptionGrain>("metered");
        var trading = silo.GrainFactory.GetGrain<ITradingGrain>("metered");
        await subscription.Subscribe(PlanTier.Pro, BillingInterval.Monthly);

        for (var i = 0; i < 3; i++)
        {
            await trading.CountApiCall();
        }

        clock.Advance(TimeSpan.FromDays(1));
        var first = await provider.NextAsync(clock);
        await trading.CountApiCall();
        clock.Advance(TimeSpan.FromDays(1));
        var second = await provider.NextAsync(clock);

        Assert.Equal((3L, "metered:2026-03-01"), first);
        Assert.Equal((1L, "metered:2026-03-02"), second);
        Assert.Equal(2, provider.Reports.Count); // 1 March was not reported twice
    }

    private sealed class RecordingProvider : IPaymentProvider
    {
        private readonly System.Threading.Channels.Channel<(long, string)> _reports = System.Threading.Channels.Channel.CreateUnbounded<(long, string)>();

        public ConcurrentQueue<(long Calls, string Key)> Reports { get; } = new();

        public string Name => "recording";

        public bool RenewsItself => true;

        /// <summary>
        /// The next report, stepping the clock an hour at a time until the hourly reminder has run
        /// on a day boundary (a tick that ran while the clock was still mid-jump reports nothing yet).
        /// </summary>
        public async Task<(long, string)> NextAsync(ManualTimeProvider clock)
        {
            for (var step = 0; step < 48; step++)
            {
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
                try
                {
                    return await _reports.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    clock.Advance(TimeSpan.FromHours(1));
                }
            }

            throw new TimeoutException("No usage was reported within two simulated days.");
        }

        public Task<ProviderResult> StartSubscriptionAsync(BillingAccount account, PlanLimits plan, BillingInterval interval, CancellationToken cancellationToken) =>
            Task.FromResult(new ProviderResult(true, null, "cus_rec", "sub_rec", null));

        public Task<ProviderResult> ChargeAsync(BillingAccount account, decimal amountUsd, string description, CancellationToken cancellationToken) =>
            Task.FromResult(new ProviderResult(true, null, null, null, null));

        public Task ChangePlanAsync(BillingAccount account, PlanLimits plan, BillingInterval interval, bool prorateNow, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task SetCancelAtPeriodEndAsync(BillingAccount account, bool cancel, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<string> PortalUrlAsync(BillingAccount account, string returnUrl, CancellationToken cancellationToken) => Task.FromResult(returnUrl);

        public Task ReportUsageAsync(BillingAccount account, long apiCalls, string idempotencyKey, CancellationToken cancellationToken)
        {
            Reports.Enqueue((apiCalls, idempotencyKey));
            _reports.Writer.TryWrite((apiCalls, idempotencyKey));
            return Task.CompletedTask;
        }
    }
}
