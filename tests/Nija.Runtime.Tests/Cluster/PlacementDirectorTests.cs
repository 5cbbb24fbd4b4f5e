using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Placement;
using Nija.Runtime.Cluster;

namespace Nija.Runtime.Tests.Cluster;

public sealed class PlacementDirectorTests
{
    private static readonly SiloAddress A = new("10.0.0.1", 11111, 1);
    private static readonly SiloAddress B = new("10.0.0.2", 11111, 1);
    private static readonly SiloAddress C = new("10.0.0.3", 11111, 1);

    [Fact]
    public void Random_placement_uses_every_active_silo_about_evenly()
    {
        var director = new PlacementDirector(View(self: A, (A, 0), (B, 0), (C, 0)), new Random(7));

        var counts = Place(director, PlacementStrategy.Random, 3000);

        Assert.All([A, B, C], s => Assert.InRange(counts.GetValueOrDefault(s), 850, 1150));
    }

    [Fact]
    public void Prefer_local_placement_picks_the_calling_silo()
    {
        var director = new PlacementDirector(View(self: B, (A, 0), (B, 500), (C, 0)), new Random(7));

        var counts = Place(director, PlacementStrategy.PreferLocal, 100);

        Assert.Equal(100, counts[B]);
    }

    [Fact]
    public void Prefer_local_placement_from_a_client_picks_any_active_silo()
    {
        var director = new PlacementDirector(View(self: null, (A, 0), (B, 0), (C, 0)), new Random(7));

        var counts = Place(director, PlacementStrategy.PreferLocal, 300);

        Assert.Equal(3, counts.Count);
    }

    [Fact]
    public void Activation_count_placement_never_picks_the_busiest_of_three_silos()
    {
        var director = new PlacementDirector(View(self: A, (A, 1000), (B, 10), (C, 20)), new Random(7));

        var counts = Place(director, PlacementStrategy.ActivationCountBased, 300);

        Assert.False(counts.ContainsKey(A));
        Assert.InRange(counts[B], 100, 200);
        Assert.InRange(counts[C], 100, 200);
    }

    [Fact]
    public void Activation_count_placement_spreads_evenly_when_the_silos_start_level()
    {
        var director = new PlacementDirector(View(self: A, (A, 0), (B, 0), (C, 0)), new Random(11));

        var counts = Place(director, PlacementStrategy.ActivationCountBased, 300);

        // What it places counts until the next report, so no silo runs ahead (random picks would spread about ±25).
        Assert.True(counts.Values.Max() - counts.Values.Min() <= 6, string.Join(", ", counts.Values));
    }

    [Fact]
    public void A_fresh_load_report_replaces_what_this_process_placed_since_the_last_one()
    {
        var view = View(self: A, (A, 0), (B, 0));
        var director = new PlacementDirector(view, new Random(3));
        Place(director, PlacementStrategy.ActivationCountBased, 100);

        // B reports many activations (another process placed them); A reports what it holds.
        view.RecordLoad(Snapshot((A, 50), (B, 900)));
        var counts = Place(director, PlacementStrategy.ActivationCountBased, 100);

        Assert.Equal(100, counts[A]);
    }

    [Fact]
    public void No_silo_is_chosen_while_none_is_active()
    {
        var director = new PlacementDirector(View(self: null), new Random(1));

        Assert.Null(director.Choose(PlacementStrategy.Random));
        Assert.Null(director.Choose(PlacementStrategy.ActivationCountBased));
    }

    private static Dictionary<SiloAddress, int> Place(PlacementDirector director, PlacementStrategy strategy, int times)
    {
        var counts = new Dictionary<SiloAddress, int>();
        for (var i = 0; i < times; i++)
        {
            var silo = director.Choose(strategy)!.Value;
            counts[silo] = counts.GetValueOrDefault(silo) + 1;
        }

        return counts;
    }

    private static ClusterView View(SiloAddress? self, params (SiloAddress Silo, int Activations)[] silos)
    {
        var view = new ClusterView(Options.Create(new ClusterOptions
        {
            Enabled = true,
            Role = self is null ? ClusterRole.Client : ClusterRole.Silo,
        }));
        if (self is { } me)
        {
            view.SetSelf(me);
        }

        var snapshot = Snapshot(silos);
        view.Update(snapshot);
        view.RecordLoad(snapshot);
        return view;
    }

    private static MembershipSnapshot Snapshot(params (SiloAddress Silo, int Activations)[] silos) =>
        new(1, [.. silos.Select(s => new MembershipEntry(s.Silo, "host", SiloStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [], 1) { Activations = s.Activations })]);
}
