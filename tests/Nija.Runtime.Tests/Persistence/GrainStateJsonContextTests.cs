using System.Text;
using System.Text.Json.Serialization;
using Nija.Runtime.Hosting;
using Nija.Runtime.Persistence;
using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Persistence;

/// <summary>A state that a registered source-generated context declares is stored through that context's options; any other through the silo's.</summary>
public sealed partial class GrainStateJsonContextTests
{
    [Fact]
    public async Task A_state_the_context_declares_is_written_and_read_with_its_options_and_other_states_with_the_silos()
    {
        var storage = new MemoryGrainStorage();
        var serviceId = TestDatabases.NewServiceId();
        await using (var silo = await Silos.StartAsync(new Probe(), s => s.UseInMemoryStorage(storage: storage).AddGrainStateJsonContext(ShoutingDraftContext.Default),
            settings: new Dictionary<string, string?> { ["Nija:Silo:ServiceId"] = serviceId }))
        {
            await silo.GrainFactory.GetGrain<IDraftGrain>("d1").Edit("first words");
            await silo.GrainFactory.GetGrain<ICounterGrain>("c1").Increment();
            await silo.RestartAsync();

            Assert.Equal("first words", await silo.GrainFactory.GetGrain<IDraftGrain>("d1").Text());
        }

        Assert.Equal("""{"TEXT":"first words"}""", await StoredAsync(storage, new StateKey(serviceId, "draft", "d1", "draft")));
        Assert.StartsWith("""{"value":1""", await StoredAsync(storage, new StateKey(serviceId, "counter", "c1", "counter")), StringComparison.Ordinal);
    }

    private static async Task<string> StoredAsync(MemoryGrainStorage storage, StateKey key) =>
        Encoding.UTF8.GetString((await storage.ReadAsync(key, default))!.Payload!);

    // A naming the silo never uses, so that the stored JSON shows which options wrote it.
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.KebabCaseUpper)]
    [JsonSerializable(typeof(DraftState))]
    private sealed partial class ShoutingDraftContext : JsonSerializerContext;
}
