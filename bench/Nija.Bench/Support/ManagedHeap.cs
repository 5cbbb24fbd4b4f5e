namespace Nija.Bench.Support;

public static class ManagedHeap
{
    /// <summary>Live managed heap after full collections, so that only reachable objects count.</summary>
    public static long Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }
}
