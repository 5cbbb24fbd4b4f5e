using System.Reflection;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Filters;
using Nija.Runtime.Messaging;

namespace Nija.Runtime.Filters;

/// <summary>Walks the incoming filters, then calls the grain.</summary>
internal sealed class IncomingCallContext(Grain grain, Message msg, IIncomingGrainCallFilter[] filters) : IIncomingGrainCallContext
{
    private int _next;

    public object Grain => grain;

    public GrainId TargetId => msg.Target;

    public MethodInfo InterfaceMethod => msg.Method!.Method;

    public object?[] Arguments => msg.Arguments;

    public object? Result { get; set; }

    public async Task Invoke()
    {
        if (_next < filters.Length)
        {
            await filters[_next++].Invoke(this);
            return;
        }

        var task = msg.Method!.Invoker(grain, msg.Arguments);
        await task;
        Result = msg.Method.ResultGetter?.Invoke(task);
    }
}
