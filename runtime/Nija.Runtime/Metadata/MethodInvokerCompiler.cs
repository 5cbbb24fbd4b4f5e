using System.Linq.Expressions;
using System.Reflection;
using Nija.Runtime.Messaging;

namespace Nija.Runtime.Metadata;

/// <summary>
/// Compiles, once per method, the delegates a call needs, so that a call costs a delegate
/// invocation rather than reflection. (Run-time compilation was chosen over a source generator:
/// bench/results shows the call path within the goal without one.)
/// </summary>
internal static class MethodInvokerCompiler
{
    public static Func<object, object?[], Task> CompileInvoker(MethodInfo method, ReturnShape shape)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters();
        var callArgs = parameters.Select((p, i) =>
            (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        Expression call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, callArgs);
        if (shape.IsValueTask)
        {
            call = Expression.Call(call, shape.ReturnType.GetMethod(nameof(ValueTask.AsTask))!);
        }

        return Expression.Lambda<Func<object, object?[], Task>>(Expression.Convert(call, typeof(Task)), grain, args).Compile();
    }

    public static Func<Task, object?> CompileResultGetter(Type resultType)
    {
        var task = Expression.Parameter(typeof(Task), "task");
        var typed = Expression.Convert(task, typeof(Task<>).MakeGenericType(resultType));
        var result = Expression.Property(typed, "Result");
        return Expression.Lambda<Func<Task, object?>>(Expression.Convert(result, typeof(object)), task).Compile();
    }

    public static Func<ResponseCompletion> CompileCompletionFactory(ReturnShape shape)
    {
        var type = shape.ResultType is { } rt
            ? typeof(ResponseCompletion<>).MakeGenericType(rt)
            : typeof(VoidResponseCompletion);
        var ctor = type.GetConstructor([typeof(bool)])!;
        return Expression.Lambda<Func<ResponseCompletion>>(Expression.New(ctor, Expression.Constant(shape.IsValueTask))).Compile();
    }
}
