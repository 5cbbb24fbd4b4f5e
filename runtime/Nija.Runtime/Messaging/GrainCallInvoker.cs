using System.Diagnostics;
using Microsoft.Extensions.Options;
using Nija.Runtime.Abstractions.Context;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Filters;
using Nija.Runtime.Filters;
using Nija.Runtime.Hosting;
using Nija.Runtime.Metadata;

namespace Nija.Runtime.Messaging;

/// <summary>
/// The caller's half of a call: copies the arguments, runs the outgoing filters, stamps the call
/// chain and request context, arms the response timeout and hands the message to the router.
/// </summary>
internal sealed class GrainCallInvoker(Networking.MessageRouter router, TimeProvider time, IOptions<SiloOptions> options, IEnumerable<IOutgoingGrainCallFilter> filters)
{
    private readonly IOutgoingGrainCallFilter[] _filters = [.. filters];
    private readonly TimeSpan _defaultTimeout = options.Value.DefaultResponseTimeout;

    public object Invoke(GrainId target, GrainMethodMetadata method, object?[] args)
    {
        var copiers = method.ArgumentCopiers;
        for (var i = 0; i < args.Length; i++)
        {
            if (copiers[i] is { } copy)
            {
                args[i] = copy(args[i]);
            }
        }

        var caller = RuntimeCallContext.Current;
        var completion = method.CreateCompletion();
        if (_filters.Length == 0)
        {
            Send(target, method, args, caller, completion);
        }
        else
        {
            _ = RunFiltersAsync(new OutgoingCallContext(target, method, args, caller, _filters, this), completion);
        }

        return completion.ReturnValue;
    }

    public void Send(GrainId target, GrainMethodMetadata method, object?[] args, RuntimeCallContext.Frame? caller, ResponseCompletion completion)
    {
        var timeout = method.Timeout ?? _defaultTimeout;
        var msg = new Message
        {
            Kind = MessageKind.Request,
            Target = target,
            Method = method,
            Arguments = args,
            // A one-way call is not waited for, so it cannot close a cycle.
            Chain = method.IsOneWay ? null : caller?.Chain,
            RequestContext = RequestContext.Export(),
            Completion = method.IsOneWay ? null : completion,
            Interleave = method.IsAlwaysInterleave,
            IsReadOnly = method.IsReadOnly,
            Timeout = timeout,
            StartTimestamp = Stopwatch.GetTimestamp(),
        };
        if (method.IsOneWay)
        {
            router.Send(msg);
            completion.Complete(null);
            return;
        }

        completion.ArmTimeout(time, timeout, msg);
        router.Send(msg);
    }

    private static async Task RunFiltersAsync(OutgoingCallContext context, ResponseCompletion completion)
    {
        try
        {
            await context.Invoke();
            completion.Complete(context.Result);
        }
        catch (Exception e)
        {
            completion.Fail(e);
        }
    }
}
