using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Reminders;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Activation;
using Nija.Runtime.Cluster;
using Nija.Runtime.Messaging;
using Nija.Runtime.Metadata;
using Nija.Runtime.Metrics;
using Nija.Runtime.Networking;
using Nija.Runtime.Proxies;
using Nija.Runtime.Reminders;
using Nija.Runtime.Serialization;
using Nija.Runtime.Streams;

namespace Nija.Runtime.Hosting;

/// <summary>Adds a silo to a .NET Generic Host.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>Runs a silo in this host (co-hosted with whatever else it runs), configured from <c>Nija:*</c>.</summary>
    public static IHostApplicationBuilder UseNijaSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddNijaSilo(builder.Configuration, configure);
        return builder;
    }

    /// <summary>Registers the silo's services and its hosted service.</summary>
    public static IServiceCollection AddNijaSilo(this IServiceCollection services, IConfiguration configuration, Action<ISiloBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var silo = new SiloBuilder(services, configuration);
        services.AddOptions<SiloOptions>().Bind(configuration.GetSection(SiloOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>();
        services.AddOptions<SerializationOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddLogging();

        services.AddSingleton<RuntimeInstruments>();
        services.AddSingleton<GrainMethodStatsTable>();
        services.AddSingleton(sp => new RuntimeSerializer(sp, sp.GetRequiredService<IOptions<SerializationOptions>>()));
        services.AddSingleton(sp => new Copier(sp.GetRequiredService<RuntimeSerializer>()));
        services.AddSingleton(sp => new GrainTypeRegistry(
            sp.GetRequiredService<IOptions<GrainAssemblyOptions>>().Value.Types,
            sp.GetRequiredService<Copier>(),
            sp.GetRequiredService<GrainMethodStatsTable>()));
        services.AddSingleton<GrainActivator>();
        services.AddSingleton<Catalog>();
        services.AddSingleton<GrainCallInvoker>();
        AddCluster(services, configuration);
        services.AddSingleton(sp => new GrainReferenceFactory(sp.GetRequiredService<GrainTypeRegistry>(), sp.GetRequiredService<GrainCallInvoker>()));
        services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainReferenceFactory>());
        services.AddSingleton<RuntimeStatistics>();
        services.AddSingleton<IRuntimeStatistics>(sp => sp.GetRequiredService<RuntimeStatistics>());
        services.AddSingleton<ISiloControl, SiloControl>();
        services.TryAddSingleton<IReminderTable, MemoryReminderTable>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<IReminderRegistry>(sp => sp.GetRequiredService<ReminderService>());
        services.AddSingleton<GrainInterfaceValidator>();
        services.AddHostedService<SiloHostedService>();
        silo.AddMemoryStreams("Default");
        configure(silo);
        return services;
    }

    private static void AddCluster(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>();
        services.TryAddSingleton<IMembershipTable, UnconfiguredMembershipTable>();
        services.TryAddSingleton<IGrainDirectory, UnconfiguredGrainDirectory>();
        services.AddSingleton<PlacementDirector>();
        services.AddSingleton<GrainLocator>();
        services.AddSingleton<HandOffGate>();
        services.AddSingleton<ClusterView>();
        services.AddSingleton<ILocalSiloDetails>(sp => sp.GetRequiredService<ClusterView>());
        services.AddSingleton<WireMethods>();
        services.AddSingleton<CallCodec>();
        services.AddSingleton<ConnectionPool>();
        services.AddSingleton<MessageRouter>();
        services.AddSingleton<MembershipAgent>();
        services.AddSingleton<SiloListener>();
        services.AddSingleton<Rebalancer>();
        services.AddSingleton<ClusterLifecycle>();
        services.AddSingleton<StreamRelay>();
        services.AddSingleton<LocalSiloReporter>();
        services.AddSingleton(sp => new ClusterStatistics(
            sp.GetRequiredService<ClusterView>(),
            sp.GetRequiredService<ConnectionPool>(),
            sp.GetRequiredService<LocalSiloReporter>(),
            sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>Adds an in-process stream provider (relayed between the processes of a cluster).</summary>
    public static ISiloBuilder AddMemoryStreams(this ISiloBuilder silo, string name)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<IStreamProvider>(sp => new MemoryStreamProvider(
            name,
            sp.GetRequiredService<IOptions<SiloOptions>>().Value.StreamQueueCapacity,
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<ClusterView>().IsEnabled ? sp.GetRequiredService<StreamRelay>() : null));
        return silo;
    }
}
