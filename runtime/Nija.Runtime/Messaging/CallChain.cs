using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Messaging;

/// <summary>
/// The activations a call is (transitively) waiting on, innermost last: an immutable list that
/// travels with each call so that a cycle back into a busy activation is recognised at once.
/// </summary>
internal sealed class CallChain(GrainId grainId, long activationId, CallChain? parent)
{
    public GrainId GrainId { get; } = grainId;

    public long ActivationId { get; } = activationId;

    public CallChain? Parent { get; } = parent;

    public bool Contains(long activationId)
    {
        for (var c = this; c is not null; c = c.Parent)
        {
            if (c.ActivationId == activationId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"a/1 -> b/2 -> a/1": the chain followed by the activation it re-enters.</summary>
    public string Describe(GrainId reentered)
    {
        var ids = new List<string>();
        for (var c = this; c is not null; c = c.Parent)
        {
            ids.Add(c.GrainId.ToString());
        }

        ids.Reverse();
        ids.Add(reentered.ToString());
        return string.Join(" -> ", ids);
    }
}
