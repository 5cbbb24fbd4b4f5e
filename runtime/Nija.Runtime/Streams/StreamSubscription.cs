using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Nija.Runtime.Abstractions.Streams;
using Nija.Runtime.Activation;

namespace Nija.Runtime.Streams;

/// <summary>
/// One subscriber: a bounded queue and a pump that delivers items one at a time, in order. A grain
/// subscriber gets each item as a turn of its activation and is unsubscribed when it deactivates.
/// </summary>
internal sealed partial class StreamSubscription<T> : StreamSubscriptionHandle, IDisposable
{
    private readonly MemoryStream<T> _stream;
    private readonly Func<T, StreamSequenceToken, Task> _onNext;
    private readonly Func<Exception, Task>? _onError;
    private readonly ActivationData? _activation;
    private readonly Channel<(T Item, StreamSequenceToken Token)> _queue;
    private readonly ILogger _log;
    private long _dropped;

    public StreamSubscription(MemoryStream<T> stream, Func<T, StreamSequenceToken, Task> onNext, Func<Exception, Task>? onError, ActivationData? activation, int capacity, ILogger log)
    {
        _stream = stream;
        _onNext = onNext;
        _onError = onError;
        _activation = activation;
        _log = log;
        _queue = Channel.CreateBounded<(T, StreamSequenceToken)>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: a full queue refuses, and we count the drop
            SingleReader = true,
        });
        activation?.AddLifetimeResource(this);
    }

    public override StreamId StreamId => _stream.Id;

    public override long DroppedCount => Interlocked.Read(ref _dropped);

    public void Start() => _ = PumpAsync();

    public void Offer(T item, StreamSequenceToken token)
    {
        if (!_queue.Writer.TryWrite((item, token)) && !_queue.Reader.Completion.IsCompleted)
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public override Task UnsubscribeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _stream.Remove(this);
        _queue.Writer.TryComplete();
        _activation?.RemoveLifetimeResource(this);
    }

    private async Task PumpAsync()
    {
        await foreach (var (item, token) in _queue.Reader.ReadAllAsync())
        {
            try
            {
                if (_activation is null)
                {
                    await _onNext(item, token);
                }
                else
                {
                    await _activation.EnqueueCallback(static (s, _) => ((Func<Task>)s!)(), () => _onNext(item, token), interleave: false, keepAlive: true);
                }
            }
            catch (ObjectDisposedException) when (_activation is not null)
            {
                Dispose();
                return;
            }
            catch (Exception e)
            {
                SubscriberFailed(e, _stream.Id.ToString());
                if (_onError is not null)
                {
                    await SafeOnError(e);
                }
            }
        }
    }

    private async Task SafeOnError(Exception e)
    {
        try
        {
            await _onError!(e);
        }
        catch (Exception inner)
        {
            SubscriberFailed(inner, _stream.Id.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber of stream {Stream} failed")]
    private partial void SubscriberFailed(Exception e, string stream);
}
