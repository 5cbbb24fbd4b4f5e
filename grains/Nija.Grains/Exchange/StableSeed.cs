namespace Nija.Grains.Exchange;

/// <summary>
/// Seeds that are the same in every process (HashCode.Combine and string.GetHashCode are randomised
/// per process, which would make "deterministic for a seed" false across restarts).
/// </summary>
public static class StableSeed
{
    public static int Of(int seed, string text, int extra = 0)
    {
        unchecked
        {
            var h = (uint)seed ^ 2166136261u;
            foreach (var c in text)
            {
                h = (h ^ c) * 16777619u;
            }

            h = (h ^ (uint)extra) * 16777619u;
            return (int)(h & 0x7fffffff);
        }
    }
}
