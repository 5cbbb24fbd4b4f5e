using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nija.GrainInterfaces.Risk;
using Nija.Grains.Backtests;
using Nija.Grains.Exchange;
using Nija.Grains.Risk;
using Nija.Grains.Trading;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Hosting;

namespace Nija.Grains.Hosting;

/// <summary>The services the trading grains need: the paper exchange, risk settings and the global kill-switch cache.</summary>
public static class TradingSiloBuilderExtensions
{
    public static ISiloBuilder AddTradingServices(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddValidatedOptions<RiskOptions, RiskOptionsValidator>(RiskOptions.Section, null);
        silo.Services.AddOptions<PaperExchangeOptions>().Bind(silo.Configuration.GetSection(PaperExchangeOptions.Section));
        silo.Services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PaperExchangeOptions>>().Value);
        silo.Services.TryAddSingleton(sp => new PaperExchange(sp.GetRequiredService<PaperExchangeOptions>()));
        silo.Services.TryAddSingleton(sp => new OrderProcessor(sp.GetRequiredService<PaperExchange>(), sp.GetRequiredService<IOptions<RiskOptions>>().Value));
        silo.Services.TryAddSingleton<GlobalKillSwitchCache>();
        silo.Services.TryAddSingleton(sp => new BacktestEngine(sp.GetRequiredService<OrderProcessor>()));
        silo.Services.AddSingleton<ISiloStartupTask, GlobalKillSwitchStartupTask>();
        return silo;
    }

    /// <summary>Keeps this silo's cache of the global kill switch current: loads it, then follows its stream.</summary>
    private sealed class GlobalKillSwitchStartupTask(IServiceProvider services, GlobalKillSwitchCache cache) : ISiloStartupTask
    {
        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            await services.GetStreamProvider().GetStream<KillSwitchState>(GlobalRiskGrain.Stream).SubscribeAsync((s, _) =>
            {
                cache.Offer(s);
                return Task.CompletedTask;
            });
            var grains = services.GetRequiredService<Nija.Runtime.Abstractions.Core.IGrainFactory>();
            cache.Offer(await grains.GetGrain<IGlobalRiskGrain>("global").GetKillSwitch());
        }
    }
}
