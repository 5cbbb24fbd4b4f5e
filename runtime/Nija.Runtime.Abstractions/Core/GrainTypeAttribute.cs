namespace Nija.Runtime.Abstractions.Core;

/// <summary>
/// Gives a grain class a stable type name. The name is part of every storage key and reminder,
/// so set it before a grain's state is first written and never change it afterwards.
/// Without it the class name (without a trailing "Grain") in lower case is used.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string Name { get; } = name;
}
