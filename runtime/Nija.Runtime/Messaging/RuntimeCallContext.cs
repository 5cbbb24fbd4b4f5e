using Nija.Runtime.Activation;

namespace Nija.Runtime.Messaging;

/// <summary>
/// Which activation and call chain the current code runs in. An <see cref="AsyncLocal{T}"/> because
/// it must follow the grain's own async flow, and only that flow, across awaits.
/// </summary>
internal static class RuntimeCallContext
{
    private static readonly AsyncLocal<Frame?> CurrentFrame = new();

    public static Frame? Current => CurrentFrame.Value;

    public static void Enter(ActivationData activation, CallChain chain) => CurrentFrame.Value = new Frame(activation, chain);

    public sealed record Frame(ActivationData Activation, CallChain Chain);
}
