using System.Collections.Immutable;
using Nija.GrainInterfaces.Settings;
using Nija.Grains.Tests.Support;

namespace Nija.Grains.Tests.Settings;

public sealed class UserSettingsTests
{
    [Fact]
    public async Task A_new_user_starts_with_the_documented_defaults()
    {
        await using var silo = await GrainSilo.StartAsync();

        var settings = await silo.GrainFactory.GetGrain<IUserSettingsGrain>("u1").Get();

        Assert.Equal((100m, 3, 10m, RiskLevel.Moderate, (ImmutableArray<string>?)null, true),
            (settings.MaxPositionSizeUsd, settings.MaxConcurrentPositions, settings.MaxDailyLossPct, settings.RiskLevel, settings.AllowedPairs, settings.NotificationsEnabled));
    }

    [Fact]
    public async Task A_partial_update_changes_only_the_given_fields_and_audits_each_change()
    {
        await using var silo = await GrainSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IUserSettingsGrain>("u2");

        var updated = await grain.Update(new SettingsPatch(MaxConcurrentPositions: 5, AllowedPairs: ["BTC-USD", "ETH-USD"]), "u2");

        Assert.Equal(5, updated.MaxConcurrentPositions);
        Assert.Equal(100m, updated.MaxPositionSizeUsd);
        var audit = await grain.GetAuditTrail(10);
        Assert.Equal(2, audit.Length);
        Assert.Contains(audit, a => a is { Field: "MaxConcurrentPositions", OldValue: "3", NewValue: "5", ChangedBy: "u2" });
        Assert.Contains(audit, a => a is { Field: "AllowedPairs", OldValue: "all", NewValue: "BTC-USD,ETH-USD" });
    }

    [Fact]
    public async Task Out_of_range_values_are_refused_naming_each_field_and_nothing_changes()
    {
        await using var silo = await GrainSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IUserSettingsGrain>("u3");

        var error = await Assert.ThrowsAsync<SettingsValidationException>(() =>
            grain.Update(new SettingsPatch(MaxPositionSizeUsd: 5m, MaxConcurrentPositions: 0, MaxDailyLossPct: 90m, AllowedPairs: ["btc/usd"], NotificationsEnabled: false), "u3"));

        Assert.Equal(["allowedPairs", "maxConcurrentPositions", "maxDailyLossPct", "maxPositionSizeUsd"], error.Errors.Keys.Order());
        Assert.Equal(UserSettings.Default, await grain.Get());
        Assert.Empty(await grain.GetAuditTrail(10));
    }
}
