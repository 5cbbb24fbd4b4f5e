using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Serialization;

namespace Nija.Runtime.Metadata;

/// <summary>
/// Checks every grain interface when the silo starts: return types, and that every argument and
/// result type can cross a silo boundary (serialize and deserialize), so that a bad contract stops
/// the start instead of failing at its first call in production.
/// </summary>
internal sealed class GrainInterfaceValidator(GrainTypeRegistry registry, RuntimeSerializer serializer)
{
    private static readonly Type[] Forbidden =
    [
        typeof(object), typeof(Type), typeof(Delegate), typeof(Task), typeof(ValueTask), typeof(Stream),
        typeof(IntPtr), typeof(UIntPtr), typeof(CancellationToken), typeof(Thread), typeof(MemberInfo),
    ];

    public void Validate()
    {
        var problems = new List<string>();
        foreach (var cls in registry.Classes)
        {
            CheckStates(cls, problems);
            foreach (var itf in cls.GrainInterfaces)
            {
                try
                {
                    foreach (var m in registry.GetBinding(itf, cls.GrainType).Methods)
                    {
                        foreach (var p in m.Method.GetParameters())
                        {
                            Check(p.ParameterType, $"{m.Name} parameter '{p.Name}'", problems, []);
                        }

                        if (m.ReturnShape.ResultType is { } rt)
                        {
                            Check(rt, $"{m.Name} result", problems, []);
                        }
                    }
                }
                catch (InvalidOperationException e)
                {
                    problems.Add(e.Message);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "Grain classes and interfaces the runtime cannot use:" + Environment.NewLine + "  " +
                string.Join(Environment.NewLine + "  ", problems.Distinct()));
        }
    }

    // A state is created empty before its first write, so its type needs a constructor without arguments.
    private static void CheckStates(GrainClassMetadata cls, List<string> problems)
    {
        foreach (var p in cls.ClassType.GetConstructors().SelectMany(c => c.GetParameters()))
        {
            if (p.GetCustomAttribute<Abstractions.Persistence.PersistentStateAttribute>() is not null
                && p.ParameterType.IsGenericType
                && p.ParameterType.GetGenericArguments()[0] is var stateType
                && !stateType.IsValueType
                && stateType.GetConstructor(Type.EmptyTypes) is null)
            {
                problems.Add($"{cls.ClassType.Name} state '{p.Name}': {stateType} needs a public parameterless constructor (use a mutable state class that holds the record).");
            }
        }
    }

    private void Check(Type type, string where, List<string> problems, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal))
        {
            return;
        }

        if (type.IsInterface && typeof(IGrain).IsAssignableFrom(type))
        {
            return;
        }

        if (type.IsPointer || type.IsByRef || type.ContainsGenericParameters || Forbidden.Any(f => f == type || (f != typeof(object) && f.IsAssignableFrom(type))))
        {
            problems.Add($"{where}: {type} cannot be serialized.");
            return;
        }

        if (type.IsInterface && !typeof(IEnumerable).IsAssignableFrom(type))
        {
            problems.Add($"{where}: {type} is an interface that is not a grain interface or a collection; send a concrete record.");
            return;
        }

        JsonTypeInfo info;
        try
        {
            info = serializer.Options.GetTypeInfo(type);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            problems.Add($"{where}: {type} cannot be serialized ({e.Message}).");
            return;
        }

        if (info.Kind == JsonTypeInfoKind.Object && info.CreateObject is null && info.Properties.All(p => p.AssociatedParameter is null)
            && info.Converter.GetType().Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true)
        {
            problems.Add($"{where}: {type} has no constructor the serializer can use (add a parameterless or [JsonConstructor] one).");
            return;
        }

        if (info.ElementType is { } element)
        {
            Check(element, where, problems, seen);
        }

        if (info.KeyType is { } key)
        {
            Check(key, where, problems, seen);
        }

        if (info.Kind == JsonTypeInfoKind.Object)
        {
            foreach (var p in info.Properties)
            {
                Check(p.PropertyType, $"{where} ({type.Name}.{p.Name})", problems, seen);
            }
        }
    }
}
