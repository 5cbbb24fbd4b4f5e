using System.Collections.Immutable;
using System.Globalization;
using Nija.GrainInterfaces.Settings;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Settings;

[GrainType("settings")]
public sealed class UserSettingsGrain([PersistentState("settings")] IPersistentState<UserSettingsState> state, TimeProvider time) : Grain, IUserSettingsGrain
{
    private const int AuditKept = 500;

    Task<UserSettings> IUserSettingsGrain.Get() => Task.FromResult(state.State.Settings);

    async Task<UserSettings> IUserSettingsGrain.Update(SettingsPatch patch, string changedBy)
    {
        var before = state.State.Settings;
        var after = UserSettingsValidator.Apply(before, patch);
        var errors = UserSettingsValidator.Validate(after);
        if (!errors.IsEmpty)
        {
            throw new SettingsValidationException(errors);
        }

        var now = time.GetUtcNow();
        Audit(nameof(UserSettings.MaxPositionSizeUsd), before.MaxPositionSizeUsd, after.MaxPositionSizeUsd, changedBy, now);
        Audit(nameof(UserSettings.MaxConcurrentPositions), before.MaxConcurrentPositions, after.MaxConcurrentPositions, changedBy, now);
        Audit(nameof(UserSettings.MaxDailyLossPct), before.MaxDailyLossPct, after.MaxDailyLossPct, changedBy, now);
        Audit(nameof(UserSettings.RiskLevel), before.RiskLevel, after.RiskLevel, changedBy, now);
        Audit(nameof(UserSettings.AllowedPairs), Show(before.AllowedPairs), Show(after.AllowedPairs), changedBy, now);
        Audit(nameof(UserSettings.NotificationsEnabled), before.NotificationsEnabled, after.NotificationsEnabled, changedBy, now);
        if (state.State.Audit.Count > AuditKept)
        {
            state.State.Audit.RemoveRange(0, state.State.Audit.Count - AuditKept);
        }

        state.State.Settings = after;
        await state.WriteStateAsync();
        return after;
    }

    Task<ImmutableArray<AuditEntry>> IUserSettingsGrain.GetAuditTrail(int take) =>
        Task.FromResult(state.State.Audit.AsEnumerable().Reverse().Take(Math.Clamp(take, 0, AuditKept)).ToImmutableArray());

    private void Audit<T>(string field, T before, T after, string changedBy, DateTimeOffset now)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            state.State.Audit.Add(new AuditEntry(field, Convert.ToString(before, CultureInfo.InvariantCulture), Convert.ToString(after, CultureInfo.InvariantCulture), changedBy, now));
        }
    }

    private static string Show(ImmutableArray<string>? pairs) => pairs is { } p ? string.Join(",", p) : "all";
}
