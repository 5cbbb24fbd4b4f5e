using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Cluster;

namespace Nija.Runtime.Tests.Cluster;

public sealed class HandOffGateTests
{
    private static readonly SiloAddress A = new("10.0.0.1", 11111, 1);
    private static readonly SiloAddress B = new("10.0.0.2", 11111, 1);
    private static readonly GrainId[] Grains = [.. Enumerable.Range(0, 200).Select(i => new GrainId("meter", $"m{i}"))];

    [Fact]
    public async Task A_first_activation_waits_while_the_grains_old_owner_is_shutting_down_and_goes_on_once_it_left()
    {
        var view = new ClusterView(Options.Create(new ClusterOptions { Enabled = true }));
        view.Update(Snapshot(1, (A, SiloStatus.Active), (B, SiloStatus.Active)));
        var ofA = Grains.First(g => view.Ring.OwnerOf(g) == A);
        var ofB = Grains.First(g => view.Ring.OwnerOf(g) == B);
        view.Update(Snapshot(2, (A, SiloStatus.ShuttingDown), (B, SiloStatus.Active)));
        var gate = new HandOffGate(view, Options.Create(new ClusterOptions { Enabled = true }), TimeProvider.System);

        var waitingForA = gate.WaitForLeavingOwnerAsync(ofA);
        await gate.WaitForLeavingOwnerAsync(ofB);
        var whileShuttingDown = (view.LeavingOwnerOf(ofA), view.LeavingOwnerOf(ofB), waitingForA.IsCompleted, view.Ring.OwnerOf(ofA));
        view.Update(Snapshot(3, (A, SiloStatus.Dead), (B, SiloStatus.Active)));
        await waitingForA.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(((SiloAddress?)A, (SiloAddress?)null, false, (SiloAddress?)B), whileShuttingDown);
        Assert.Null(view.LeavingOwnerOf(ofA));
    }

    private static MembershipSnapshot Snapshot(long version, params (SiloAddress Silo, SiloStatus Status)[] silos) =>
        new(version, [.. silos.Select(s => new MembershipEntry(s.Silo, "host", s.Status, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [], 1))]);
}
