using System.Collections.Concurrent;
using System.Net;

namespace Nija.Bench.Support;

/// <summary>
/// Up to <c>limit</c> <see cref="RawHttpConnection"/>s to one server, opened as requests need them; a
/// request that finds them all busy waits for one (its latency, counted by the caller from when it was
/// due, includes that wait).
/// </summary>
public sealed class RawHttpPool(EndPoint server, int limit) : IDisposable
{
    private readonly ConcurrentStack<RawHttpConnection> _idle = new();
    private readonly SemaphoreSlim _slots = new(limit, limit);

    /// <summary>Opens <paramref name="count"/> connections ahead of the load, as clients that keep their connections have them.</summary>
    public async Task OpenAsync(int count)
    {
        foreach (var connection in await Task.WhenAll(Enumerable.Range(0, Math.Min(count, limit)).Select(_ => RawHttpConnection.OpenAsync(server))))
        {
            _idle.Push(connection);
        }
    }

    /// <summary>Sends a prepared request on an idle connection (or a new one) and returns the answer's status code.</summary>
    public async Task<int> SendAsync(ReadOnlyMemory<byte> request)
    {
        await _slots.WaitAsync();
        try
        {
            if (!_idle.TryPop(out var connection))
            {
                connection = await RawHttpConnection.OpenAsync(server);
            }

            try
            {
                var status = await connection.SendAsync(request);
                if (connection.Closing)
                {
                    connection.Dispose();
                }
                else
                {
                    _idle.Push(connection);
                }

                return status;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        while (_idle.TryPop(out var c))
        {
            c.Dispose();
        }

        _slots.Dispose();
    }
}
