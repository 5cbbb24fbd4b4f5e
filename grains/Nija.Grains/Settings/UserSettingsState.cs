using Nija.GrainInterfaces.Settings;

namespace Nija.Grains.Settings;

public sealed class UserSettingsState
{
    public UserSettings Settings { get; set; } = UserSettings.Default;

    /// <summary>Newest last; bounded so state never grows without end (the full log goes to the audit table with the API issue).</summary>
    public List<AuditEntry> Audit { get; set; } = [];
}
