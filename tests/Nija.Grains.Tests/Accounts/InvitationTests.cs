using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Plans;
using Nija.Grains.Accounts;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Testing;

namespace Nija.Grains.Tests.Accounts;

public sealed class InvitationTests
{
    [Fact]
    public void Codes_are_long_random_and_typed_keys_ignore_case_and_dashes()
    {
        var codes = Enumerable.Range(0, 1_000).Select(_ => InvitationCodes.NewCode()).ToHashSet();
        var one = codes.First();

        Assert.Equal(1_000, codes.Count);
        Assert.Matches("^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$", one);
        Assert.Equal(InvitationCodes.KeyOf(one), InvitationCodes.KeyOf(one.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant()));
        Assert.DoesNotContain(one.Replace("-", "", StringComparison.Ordinal), InvitationCodes.KeyOf(one), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_invitation_is_used_once_by_the_address_it_was_issued_for()
    {
        await using var silo = await GrainSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IInvitationGrain>(InvitationCodes.KeyOf(InvitationCodes.NewCode()));
        await grain.Create("Ada@Example.com", PlanTier.Alpha, TimeSpan.FromDays(7), "founder");

        var wrongAddress = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Redeem("eve@example.com", "eve"));
        var used = await grain.Redeem("ada@example.com", "ada");
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Redeem("ada@example.com", "ada-2"));

        Assert.Contains("another e-mail", wrongAddress.Message, StringComparison.Ordinal);
        Assert.Equal(("ada", PlanTier.Alpha), (used.RedeemedBy, used.Tier));
        Assert.Contains("already been used", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_invitation_cannot_be_used()
    {
        var time = new ManualTimeProvider();
        await using var silo = await GrainSilo.StartAsync(time);
        var grain = silo.GrainFactory.GetGrain<IInvitationGrain>(InvitationCodes.KeyOf(InvitationCodes.NewCode()));
        await grain.Create("late@example.com", PlanTier.Basic, TimeSpan.FromDays(1), "founder");

        time.Advance(TimeSpan.FromDays(1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Redeem("late@example.com", "late"));
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_is_simply_invalid()
    {
        await using var silo = await GrainSilo.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            silo.GrainFactory.GetGrain<IInvitationGrain>(InvitationCodes.KeyOf("NOPE")).Redeem("a@b.c", "x"));

        Assert.Equal("The invitation code is not valid.", error.Message);
    }
}
