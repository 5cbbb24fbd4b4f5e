using System.Collections.Concurrent;

namespace Nija.Runtime.Tests.Support;

/// <summary>
/// What test grains report to the test: events it can wait for (no sleeping), and gates the grains
/// wait on until the test opens them.
/// </summary>
public sealed class Probe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly Lock _lock = new();
    private readonly List<string> _events = [];
    private readonly List<(Func<IReadOnlyList<string>, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new();
    private readonly ConcurrentDictionary<string, int> _concurrency = new();
    private readonly ConcurrentDictionary<string, int> _maxConcurrency = new();

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public void Record(string e)
    {
        List<TaskCompletionSource> done = [];
        lock (_lock)
        {
            _events.Add(e);
            foreach (var w in _waiters.ToList())
            {
                if (w.Condition(_events))
                {
                    _waiters.Remove(w);
                    done.Add(w.Done);
                }
            }
        }

        done.ForEach(d => d.TrySetResult());
    }

    public Task WaitUntil(Func<IReadOnlyList<string>, bool> condition)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition(_events))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, tcs));
        }

        return tcs.Task.WaitAsync(Patience);
    }

    public Task WaitFor(string e) => WaitUntil(events => events.Contains(e));

    public Task WaitForCount(string prefix, int count) => WaitUntil(events => events.Count(x => x.StartsWith(prefix, StringComparison.Ordinal)) >= count);

    public int Count(string prefix) => Events.Count(x => x.StartsWith(prefix, StringComparison.Ordinal));

    public Task Gate(string name) => _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Open(string name) => _gates.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Marks entry into a section; returns the running count, and keeps the maximum.</summary>
    public void Enter(string section)
    {
        var now = _concurrency.AddOrUpdate(section, 1, (_, v) => v + 1);
        _maxConcurrency.AddOrUpdate(section, now, (_, v) => Math.Max(v, now));
    }

    public void Exit(string section) => _concurrency.AddOrUpdate(section, 0, (_, v) => v - 1);

    public int MaxConcurrency(string section) => _maxConcurrency.GetValueOrDefault(section);
}
