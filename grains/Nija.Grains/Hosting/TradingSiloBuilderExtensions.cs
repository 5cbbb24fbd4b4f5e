using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nija.GrainInterfaces.Risk;
using Nija.Grains.Audit;
using Nija.Grains.Backtests;
using Nija.Grains.Billing;
using Nija.Grains.Brokers;
using Nija.Grains.Exchange;
using Nija.Grains.History;
using Nija.Grains.Plans;
using Nija.Grains.Protections;
using Nija.Grains.Risk;
using Nija.Grains.Trading;
using Nija.Grains.Vault;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Hosting;
using Nija.Runtime.Sql;

namespace Nija.Grains.Hosting;

/// <summary>The services the trading grains need: the paper exchange, risk settings and the global kill-switch cache.</summary>
public static class TradingSiloBuilderExtensions
{
    public static ISiloBuilder AddTradingServices(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddValidatedOptions<RiskOptions, RiskOptionsValidator>(RiskOptions.Section, null);
        silo.AddGrainStateJsonContext(TradingStateJsonContext.Default);
        silo.Services.AddOptions<PaperExchangeOptions>().Bind(silo.Configuration.GetSection(PaperExchangeOptions.Section));
        silo.Services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<PaperExchangeOptions>>().Value);
        silo.Services.TryAddSingleton(sp => new PaperExchange(sp.GetRequiredService<PaperExchangeOptions>()));
        silo.AddValidatedOptions<ProtectionOptions, ProtectionOptionsValidator>(ProtectionOptions.Section, null);
        silo.AddValidatedOptions<MarketData.MarketDataOptions, MarketData.MarketDataOptionsValidator>(MarketData.MarketDataOptions.Section, null);
        silo.Services.TryAddSingleton(sp => PlanCatalogLoader.Load(silo.Configuration["Nija:Billing:PlansFile"],
            sp.GetService<Microsoft.Extensions.Hosting.IHostEnvironment>()?.ContentRootPath, AppContext.BaseDirectory));
        silo.Services.TryAddSingleton(sp => new OrderProcessor(
            sp.GetRequiredService<PaperExchange>(), sp.GetRequiredService<IOptions<RiskOptions>>().Value, sp.GetRequiredService<IOptions<ProtectionOptions>>().Value,
            sp.GetRequiredService<PlanCatalog>()));
        silo.Services.TryAddSingleton<GlobalKillSwitchCache>();
        silo.Services.TryAddSingleton<ExposureReporter>();
        silo.Services.TryAddSingleton<ExposureFlusher>();
        silo.Services.AddHostedService(sp => sp.GetRequiredService<ExposureFlusher>());
        silo.Services.TryAddSingleton(sp => new BacktestEngine(sp.GetRequiredService<OrderProcessor>()));
        silo.Services.AddSingleton<ISiloStartupTask, GlobalKillSwitchStartupTask>();
        AddBrokers(silo);
        AddHistory(silo);
        AddBilling(silo);
        return silo;
    }

    /// <summary>Billing (Nija:Billing): Stripe's REST API when a secret key is configured, else the simulated processor.</summary>
    private static void AddBilling(ISiloBuilder silo)
    {
        silo.AddValidatedOptions<BillingOptions, BillingOptionsValidator>(BillingOptions.Section, null);
        silo.Services.AddHttpClient<StripeClient>();
        silo.Services.AddHttpClient(nameof(MidtransPaymentProvider));
        silo.Services.TryAddSingleton<IPaymentProvider>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BillingOptions>>().Value;
            return options.Provider switch
            {
                "stripe" => new StripePaymentProvider(sp.GetRequiredService<StripeClient>(), options),
                "midtrans" => new MidtransPaymentProvider(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(MidtransPaymentProvider)), options),
                _ => new SimulatedPaymentProvider(options),
            };
        });
    }

    /// <summary>History in the silo's SQL store (the dialect its storage provider registered), else in memory.</summary>
    private static void AddHistory(ISiloBuilder silo)
    {
        silo.AddValidatedOptions<HistoryOptions, HistoryOptionsValidator>(HistoryOptions.Section, null);
        var sql = silo.Services.FirstOrDefault(d => typeof(SqlDialect).IsAssignableFrom(d.ServiceType) && d.ServiceType != typeof(SqlDialect));
        if (sql is null)
        {
            silo.Services.TryAddSingleton<IHistoryStore, MemoryHistoryStore>();
            silo.Services.TryAddSingleton<IAuditStore, MemoryAuditStore>();
            return;
        }

        silo.Services.TryAddSingleton(sp => new SqlHistoryStore((SqlDialect)sp.GetRequiredService(sql.ServiceType)));
        silo.Services.TryAddSingleton<IHistoryStore>(sp => sp.GetRequiredService<SqlHistoryStore>());
        silo.Services.TryAddSingleton(sp => new SqlAuditStore((SqlDialect)sp.GetRequiredService(sql.ServiceType)));
        silo.Services.TryAddSingleton<IAuditStore>(sp => sp.GetRequiredService<SqlAuditStore>());
        silo.Services.AddSingleton<ISiloStartupTask>(sp => new Migration(sp.GetRequiredService<SqlHistoryStore>().MigrateAsync));
        silo.Services.AddSingleton<ISiloStartupTask>(sp => new Migration(sp.GetRequiredService<SqlAuditStore>().MigrateAsync));
    }

    private sealed class Migration(Func<CancellationToken, Task> migrate) : ISiloStartupTask
    {
        public Task ExecuteAsync(CancellationToken cancellationToken) => migrate(cancellationToken);
    }

    /// <summary>The vault (master key from Nija:Vault, or a local key file under Nija:DataDir) and the exchange adapters (Nija:Brokers:{Name}:BaseUrl).</summary>
    private static void AddBrokers(ISiloBuilder silo)
    {
        silo.AddValidatedOptions<VaultOptions, VaultOptionsValidator>(VaultOptions.Section, null);
        silo.AddValidatedOptions<BrokerGuardOptions, BrokerGuardOptionsValidator>(BrokerGuardOptions.Section, null);
        silo.AddValidatedOptions<LiveTradingOptions, LiveTradingOptionsValidator>(LiveTradingOptions.Section, null);
        silo.Services.AddSingleton<IPostConfigureOptions<VaultOptions>>(new LocalVaultKeyFile(silo.Configuration["Nija:DataDir"] ?? "data"));
        silo.Services.TryAddSingleton(sp => new CredentialVault(sp.GetRequiredService<IOptions<VaultOptions>>()));
        silo.Services.AddHttpClient<BinanceSpotAdapter>(c => c.BaseAddress = new Uri(silo.Configuration["Nija:Brokers:Binance:BaseUrl"] ?? "https://api.binance.com"));
        silo.Services.AddHttpClient<KrakenAdapter>(c => c.BaseAddress = new Uri(silo.Configuration["Nija:Brokers:Kraken:BaseUrl"] ?? "https://api.kraken.com"));
        silo.Services.AddSingleton<IExchangeAdapter, PaperAdapter>();
        silo.Services.AddSingleton<IExchangeAdapter>(sp => sp.GetRequiredService<BinanceSpotAdapter>());
        silo.Services.AddSingleton<IExchangeAdapter>(sp => sp.GetRequiredService<KrakenAdapter>());
        silo.Services.TryAddSingleton<ExchangeAdapters>();
        silo.Services.TryAddSingleton<SymbolRulesCache>();
        silo.Services.TryAddSingleton<LiveVenueReader>();
    }

    /// <summary>Keeps this silo's cache of the global kill switch current: loads it, then follows its stream.</summary>
    private sealed class GlobalKillSwitchStartupTask(IServiceProvider services, GlobalKillSwitchCache cache) : ISiloStartupTask
    {
        public bool CallsGrains => true;

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
