using System.Collections.Immutable;
using Nija.GrainInterfaces.Notifications;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Notifications;

/// <summary>The embedded default's outbox: the newest 500 messages, readable by admins.</summary>
[GrainType("emailoutbox")]
public sealed class EmailOutboxGrain([PersistentState("outbox")] IPersistentState<EmailOutboxState> state) : Grain, IEmailOutboxGrain
{
    private const int Kept = 500;

    async Task IEmailOutboxGrain.Add(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        state.State.Messages.Add(message);
        if (state.State.Messages.Count > Kept)
        {
            state.State.Messages.RemoveRange(0, state.State.Messages.Count - Kept);
        }

        await state.WriteStateAsync();
    }

    Task<ImmutableArray<EmailMessage>> IEmailOutboxGrain.List(string? to, int take) =>
        Task.FromResult(state.State.Messages.AsEnumerable().Reverse()
            .Where(m => to is null || string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase))
            .Take(Math.Clamp(take, 1, Kept)).ToImmutableArray());
}
