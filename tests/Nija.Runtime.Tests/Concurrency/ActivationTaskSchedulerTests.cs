using Nija.Runtime.Activation;

namespace Nija.Runtime.Tests.Concurrency;

public sealed class ActivationTaskSchedulerTests
{
    [Fact]
    public async Task Tasks_queued_from_many_threads_while_it_drains_all_run_and_never_two_at_once()
    {
        // Regression: a volatile (not fenced) reset of the "scheduled" flag let a task queued during the
        // end of a drain sit in the queue with nothing scheduled to run it.
        for (var round = 0; round < 200; round++)
        {
            var scheduler = new ActivationTaskScheduler();
            var running = 0;
            var overlap = 0;
            var tasks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
                Enumerable.Range(0, 50).Select(_ => Task.Factory.StartNew(() =>
                {
                    if (Interlocked.Increment(ref running) > 1)
                    {
                        Interlocked.Increment(ref overlap);
                    }

                    Interlocked.Decrement(ref running);
                }, CancellationToken.None, TaskCreationOptions.None, scheduler)).ToArray())));

            await Task.WhenAll(tasks.SelectMany(t => t)).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, overlap);
        }
    }
}
