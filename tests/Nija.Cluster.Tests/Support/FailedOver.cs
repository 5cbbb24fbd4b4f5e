using System.Diagnostics;
using Nija.GrainInterfaces.Demo;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Cluster.Tests.Support;

/// <summary>Waits for a grain to answer from a silo other than the one it lived on.</summary>
public static class FailedOver
{
    /// <summary>
    /// Repeats <paramref name="read"/> (a read, safe to send again) until a silo other than
    /// <paramref name="oldSilo"/> answers; fails the test after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<CounterSnapshot> FirstAnswerAwayFromAsync(Func<Task<CounterSnapshot>> read, string oldSilo, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var answer = await read();
                if (answer.Silo != oldSilo)
                {
                    return answer;
                }
            }
            catch (Exception e) when (e is SiloUnavailableException or TimeoutException)
            {
                // Not failed over yet.
            }

            Assert.True(deadline.Elapsed < timeout, $"No answer from a silo other than {oldSilo} within {timeout}.");
            await Task.Delay(20);
        }
    }
}
