using System.Collections.Immutable;
using Nija.Runtime.Serialization;
using Nija.Runtime.Tests.Grains;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Messaging;

public sealed class ArgumentCopyTests
{
    [Fact]
    public async Task A_mutable_argument_is_copied_so_the_caller_changing_it_later_does_not_change_the_grain()
    {
        await using var silo = await Silos.StartAsync(new Probe());
        var grain = silo.GrainFactory.GetGrain<ICopyGrain>(Guid.NewGuid());
        var items = new List<int> { 1, 2 };

        await grain.Store(items);
        items.Add(3);

        Assert.Equal(2, await grain.Count());
    }

    [Fact]
    public async Task A_mutable_result_is_copied_so_the_caller_cannot_change_the_grains_state()
    {
        await using var silo = await Silos.StartAsync(new Probe());
        var grain = silo.GrainFactory.GetGrain<ICopyGrain>(Guid.NewGuid());
        await grain.Store([1]);

        var got = await grain.Get();
        got.Add(99);

        Assert.Equal(1, await grain.Count());
    }

    [Theory]
    [InlineData(typeof(Quote), true)]
    [InlineData(typeof(string), true)]
    [InlineData(typeof(ImmutableArray<Quote>), true)]
    [InlineData(typeof(ICounterGrain), true)]
    [InlineData(typeof(List<int>), false)]
    [InlineData(typeof(CounterState), false)]
    [InlineData(typeof(int[]), false)]
    [InlineData(typeof(IReadOnlyList<int>), false)]
    public void Only_provably_immutable_types_are_shared_without_a_copy(Type type, bool immutable)
    {
        Assert.Equal(immutable, new ImmutabilityAnalyzer().IsImmutable(type));
    }
}
