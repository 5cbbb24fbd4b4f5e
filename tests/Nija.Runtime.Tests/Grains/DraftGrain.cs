using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Runtime.Tests.Grains;

public sealed class DraftState
{
    public string Text { get; set; } = "";
}

public interface IDraftGrain : IGrainWithStringKey
{
    Task Edit(string text);

    Task<string> Text();
}

/// <summary>Keeps edits in memory and writes them only when deactivated: shutdown must give it that chance.</summary>
public sealed class DraftGrain([PersistentState("draft")] IPersistentState<DraftState> state) : Grain, IDraftGrain
{
    Task IDraftGrain.Edit(string text)
    {
        state.State.Text = text;
        return Task.CompletedTask;
    }

    Task<string> IDraftGrain.Text() => Task.FromResult(state.State.Text);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        state.WriteStateAsync(cancellationToken);
}
