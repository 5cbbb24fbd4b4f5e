using System.Globalization;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Reminders;
using Nija.Runtime.Tests.Support;

namespace Nija.Runtime.Tests.Grains;

public interface IReminderGrain : IRemindable, IGrainWithStringKey
{
    Task Start(string name, TimeSpan due, TimeSpan period);

    Task Stop(string name);

    Task<bool> Has(string name);
}

public sealed class ReminderGrain(Probe probe) : Grain, IReminderGrain
{
    Task IReminderGrain.Start(string name, TimeSpan due, TimeSpan period) => this.RegisterOrUpdateReminder(name, due, period);

    Task IReminderGrain.Stop(string name) => this.UnregisterReminder(name);

    async Task<bool> IReminderGrain.Has(string name) => await this.GetReminder(name) is not null;

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record($"tick:{GrainId.Key}:{reminderName}:{status.CurrentTickTime.ToString("HH:mm", CultureInfo.InvariantCulture)}");
        return Task.CompletedTask;
    }
}
