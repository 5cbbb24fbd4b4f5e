using System.Collections.Immutable;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Metadata;

namespace Nija.Runtime.Messaging;

/// <summary>One unit of work for an activation: a call, or a runtime callback run as a turn.</summary>
internal sealed class Message
{
    public required MessageKind Kind { get; init; }

    public required GrainId Target { get; init; }

    /// <summary>The method called; null for callbacks.</summary>
    public GrainMethodMetadata? Method { get; init; }

    public string Name => Method?.Name ?? "callback";

    public object?[] Arguments { get; init; } = [];

    /// <summary>For callbacks: the work to run inside the turn.</summary>
    public Func<object?, CancellationToken, Task>? Callback { get; init; }

    public object? CallbackState { get; init; }

    public CallChain? Chain { get; init; }

    public ImmutableDictionary<string, string>? RequestContext { get; init; }

    /// <summary>Null for one-way calls.</summary>
    public ResponseCompletion? Completion { get; init; }

    public bool Interleave { get; init; }

    public bool IsReadOnly { get; init; }

    public bool KeepAlive { get; init; } = true;

    public TimeSpan Timeout { get; init; }

    public long StartTimestamp { get; init; }

    /// <summary>How many times the call was sent on after it could not run where it went (cluster only).</summary>
    public int Attempts { get; set; }
}
