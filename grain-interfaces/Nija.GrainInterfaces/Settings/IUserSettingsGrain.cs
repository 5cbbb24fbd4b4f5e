using System.Collections.Immutable;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Settings;

/// <summary>A user's settings (key: the user id), validated and audited.</summary>
public interface IUserSettingsGrain : IGrainWithStringKey
{
    /// <summary>The settings.</summary>
    [ReadOnly]
    Task<UserSettings> Get();

    /// <summary>Applies a partial change; throws <see cref="SettingsValidationException"/> naming each bad field, changing nothing.</summary>
    Task<UserSettings> Update(SettingsPatch patch, string changedBy);

    /// <summary>The audit trail, newest first.</summary>
    [ReadOnly]
    Task<ImmutableArray<AuditEntry>> GetAuditTrail(int take);
}
