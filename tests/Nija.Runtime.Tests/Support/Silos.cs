using Microsoft.Extensions.DependencyInjection;
using Nija.Runtime.Hosting;
using Nija.Runtime.Testing;

namespace Nija.Runtime.Tests.Support;

/// <summary>Starts test silos with the test grains (the deliberately invalid ones left out).</summary>
public static class Silos
{
    public static bool IsValidGrain(Type t) => t.Namespace != "Nija.Runtime.Tests.Invalid";

    public static Task<TestSilo> StartAsync(
        Probe probe,
        Action<ISiloBuilder>? storage = null,
        TimeProvider? time = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        TestSilo.StartAsync(
            silo =>
            {
                silo.AddGrains(typeof(Silos).Assembly, IsValidGrain);
                (storage ?? (s => s.UseInMemoryStorage()))(silo);
            },
            s =>
            {
                s.AddSingleton(probe);
                services?.Invoke(s);
            },
            settings,
            time);
}
