using System.Reflection;

namespace Nija.Runtime.Metadata;

/// <summary>The shape of a grain method's return type: Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</summary>
internal sealed record ReturnShape(Type ReturnType, Type? ResultType, bool IsValueTask)
{
    public static ReturnShape Of(MethodInfo method)
    {
        var t = method.ReturnType;
        if (t == typeof(Task))
        {
            return new(t, null, false);
        }

        if (t == typeof(ValueTask))
        {
            return new(t, null, true);
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return new(t, t.GetGenericArguments()[0], false);
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return new(t, t.GetGenericArguments()[0], true);
        }

        throw new InvalidOperationException(
            $"Grain method {method.DeclaringType}.{method.Name} returns {t}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.");
    }
}
