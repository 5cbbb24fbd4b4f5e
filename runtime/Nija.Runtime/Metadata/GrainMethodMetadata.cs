using System.Reflection;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Messaging;
using Nija.Runtime.Metrics;
using Nija.Runtime.Serialization;

namespace Nija.Runtime.Metadata;

/// <summary>Everything needed to call one grain interface method on one grain class, built once.</summary>
internal sealed class GrainMethodMetadata
{
    public GrainMethodMetadata(MethodInfo method, GrainClassMetadata grainClass, Copier copier, GrainMethodStatsTable stats)
    {
        Method = method;
        GrainClass = grainClass;
        Name = $"{method.DeclaringType!.Name}.{method.Name}";
        WireId = WireIdOf(method);
        IsReadOnly = method.GetCustomAttribute<ReadOnlyAttribute>() is not null;
        IsAlwaysInterleave = method.GetCustomAttribute<AlwaysInterleaveAttribute>() is not null;
        IsOneWay = method.GetCustomAttribute<OneWayAttribute>() is not null;
        Timeout = method.GetCustomAttribute<ResponseTimeoutAttribute>()?.Timeout;
        ReturnShape = ReturnShape.Of(method);
        Invoker = MethodInvokerCompiler.CompileInvoker(method, ReturnShape);
        ResultGetter = ReturnShape.ResultType is { } rt ? MethodInvokerCompiler.CompileResultGetter(rt) : null;
        CreateCompletion = MethodInvokerCompiler.CompileCompletionFactory(ReturnShape);
        ParameterTypes = [.. method.GetParameters().Select(p => p.ParameterType)];
        ArgumentCopiers = [.. method.GetParameters().Select(p => copier.For(p.ParameterType))];
        ResultCopier = ReturnShape.ResultType is { } r ? copier.For(r) : null;
        Stats = stats.GetOrCreate(grainClass.GrainType, Name);
        if (IsOneWay && ReturnShape.ResultType is not null)
        {
            throw new InvalidOperationException($"[OneWay] method {Name} must return Task or ValueTask, not a result.");
        }
    }

    public MethodInfo Method { get; }

    public GrainClassMetadata GrainClass { get; }

    public string Name { get; }

    /// <summary>Names the method on the wire: the same in every process running the same contracts.</summary>
    public uint WireId { get; }

    public bool IsReadOnly { get; }

    public bool IsAlwaysInterleave { get; }

    public bool IsOneWay { get; }

    public TimeSpan? Timeout { get; }

    public ReturnShape ReturnShape { get; }

    /// <summary>Calls the method on a grain instance; returns the method's task (ValueTasks converted).</summary>
    public Func<object, object?[], Task> Invoker { get; }

    /// <summary>Reads the result of a completed Task&lt;T&gt;; null for methods without one.</summary>
    public Func<Task, object?>? ResultGetter { get; }

    public Func<ResponseCompletion> CreateCompletion { get; }

    /// <summary>The declared parameter types, in order.</summary>
    public Type[] ParameterTypes { get; }

    /// <summary>Per argument: a copier, or null when the type is provably immutable.</summary>
    public Func<object?, object?>?[] ArgumentCopiers { get; }

    public Func<object?, object?>? ResultCopier { get; }

    public GrainMethodStats Stats { get; }

    /// <summary>A stable 32-bit id of "Interface.Method(parameter types)".</summary>
    public static uint WireIdOf(MethodInfo method)
    {
        var signature = $"{method.DeclaringType!.FullName}.{method.Name}({string.Join(',', method.GetParameters().Select(p => p.ParameterType.FullName))})";
        return Reminders.StableHash.Of(signature);
    }
}
