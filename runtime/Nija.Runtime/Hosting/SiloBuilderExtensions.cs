using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Filters;
using Nija.Runtime.Persistence;
using Nija.Runtime.Reminders;

namespace Nija.Runtime.Hosting;

/// <summary>Common silo configuration.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Changes silo options in code (after configuration is bound).</summary>
    public static ISiloBuilder Configure(this ISiloBuilder silo, Action<SiloOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.PostConfigure(configure);
        return silo;
    }

    /// <summary>Binds <typeparamref name="TOptions"/> from <paramref name="section"/>, applies <paramref name="configure"/> and validates at start-up.</summary>
    public static ISiloBuilder AddValidatedOptions<TOptions, TValidator>(this ISiloBuilder silo, string section, Action<TOptions>? configure)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(silo);
        var options = silo.Services.AddOptions<TOptions>().Bind(silo.Configuration.GetSection(section)).ValidateOnStart();
        if (configure is not null)
        {
            options.PostConfigure(configure);
        }

        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return silo;
    }

    /// <summary>Registers in-memory grain storage under <paramref name="name"/> (for tests).</summary>
    public static ISiloBuilder UseInMemoryStorage(this ISiloBuilder silo, string name = "Default", MemoryGrainStorage? storage = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddKeyedSingleton<IGrainStorage>(name, storage ?? new MemoryGrainStorage());
        return silo;
    }

    /// <summary>Keeps reminders in memory (for tests); pass the same table to a restarted silo to keep them.</summary>
    public static ISiloBuilder UseInMemoryReminders(this ISiloBuilder silo, MemoryReminderTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.Replace(ServiceDescriptor.Singleton<IReminderTable>(table ?? new MemoryReminderTable()));
        return silo;
    }

    /// <summary>Adds a filter that runs around every call a grain receives.</summary>
    public static ISiloBuilder AddIncomingGrainCallFilter<TFilter>(this ISiloBuilder silo) where TFilter : class, IIncomingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return silo;
    }

    /// <summary>Adds a filter that runs around every call made through a grain reference.</summary>
    public static ISiloBuilder AddOutgoingGrainCallFilter<TFilter>(this ISiloBuilder silo) where TFilter : class, IOutgoingGrainCallFilter
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<IOutgoingGrainCallFilter, TFilter>();
        return silo;
    }

    /// <summary>
    /// Adds a source-generated context that stores the grain states it declares with its own options
    /// (see <see cref="SerializationOptions.StateContexts"/>): only for states without grain references.
    /// </summary>
    public static ISiloBuilder AddGrainStateJsonContext(this ISiloBuilder silo, JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(context);
        silo.Services.Configure<SerializationOptions>(o => o.StateContexts.Add(context));
        return silo;
    }

    /// <summary>Adds a (source-generated) JSON type info resolver, asked before reflection.</summary>
    public static ISiloBuilder AddJsonTypeInfoResolver(this ISiloBuilder silo, IJsonTypeInfoResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.Configure<SerializationOptions>(o => o.TypeInfoResolvers.Add(resolver));
        return silo;
    }
}
