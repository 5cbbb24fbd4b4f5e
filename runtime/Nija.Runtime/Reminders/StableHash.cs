using System.Text;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Reminders;

/// <summary>
/// A hash of a grain id that is the same in every process and every version (string.GetHashCode is
/// randomised per process): 32-bit FNV-1a over the UTF-8 of "type/key".
/// </summary>
public static class StableHash
{
    /// <summary>The hash of a grain id.</summary>
    public static uint Of(GrainId id) => Of(id.ToString());

    /// <summary>32-bit FNV-1a over the UTF-8 of <paramref name="text"/>.</summary>
    public static uint Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
