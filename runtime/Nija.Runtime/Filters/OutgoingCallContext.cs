using System.Reflection;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Filters;
using Nija.Runtime.Messaging;
using Nija.Runtime.Metadata;

namespace Nija.Runtime.Filters;

/// <summary>Walks the outgoing filters, then sends the call and waits for its response.</summary>
internal sealed class OutgoingCallContext(
    GrainId target,
    GrainMethodMetadata method,
    object?[] arguments,
    RuntimeCallContext.Frame? caller,
    IOutgoingGrainCallFilter[] filters,
    GrainCallInvoker invoker) : IOutgoingGrainCallContext
{
    private int _next;

    public GrainId TargetId => target;

    public GrainId? SourceId => caller?.Activation.GrainId;

    public MethodInfo InterfaceMethod => method.Method;

    public object?[] Arguments => arguments;

    public object? Result { get; set; }

    public async Task Invoke()
    {
        if (_next < filters.Length)
        {
            await filters[_next++].Invoke(this);
            return;
        }

        var completion = method.CreateCompletion();
        invoker.Send(target, method, arguments, caller, completion);
        await completion.Task;
        Result = method.ResultGetter?.Invoke(completion.Task);
    }
}
