using System.Diagnostics;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Activation;
using Nija.Runtime.Cluster;
using Nija.Runtime.Messaging;
using Nija.Runtime.Metadata;

namespace Nija.Runtime.Networking;

/// <summary>
/// Decides where a call runs. Outside a cluster: here. In a cluster: on the silo the hash ring names
/// (a [StatelessWorker] runs on the calling silo), or, for a grain of another placement strategy,
/// where the grain directory says (a new one where its strategy picks). A call that arrives for a
/// grain this silo does not own under its view is rejected unrun, and the caller sends it again
/// once views agree; a call that may have run is never sent twice.
/// </summary>
internal sealed class MessageRouter
{
    private const int MaxAttempts = 60;
    private readonly Catalog _catalog;
    private readonly ConnectionPool _pool;
    private readonly GrainTypeRegistry _registry;
    private readonly TimeProvider _time;
    private readonly GrainLocator _locator;

    public MessageRouter(Catalog catalog, ClusterView view, ConnectionPool pool, GrainTypeRegistry registry, GrainLocator locator, HandOffGate handOff, TimeProvider time)
    {
        _catalog = catalog;
        View = view;
        _pool = pool;
        _registry = registry;
        _locator = locator;
        _time = time;
        catalog.Forwarder = Send;
        pool.Router = this;
        if (view.IsEnabled)
        {
            catalog.Locator = locator;
            catalog.HandOff = handOff;
            catalog.Rerouter = Reroute;
        }
    }

    public ClusterView View { get; }

    /// <summary>Builds this silo's report when a peer asks for it.</summary>
    public Func<Metrics.SiloReport>? LocalReport { get; set; }

    /// <summary>Where stream items from other processes go, once streams are in use.</summary>
    public Streams.StreamRelay? Streams { get; set; }

    /// <summary>Sends a call made in this process.</summary>
    public void Send(Message msg)
    {
        if (!View.IsEnabled)
        {
            _catalog.Dispatch(msg);
            return;
        }

        if (ClassOf(msg) is { } cls)
        {
            Route(msg, cls);
        }
    }

    /// <summary>Takes a call that came in over a connection.</summary>
    public void Deliver(Message msg, long senderVersion)
    {
        if (senderVersion > View.Version)
        {
            View.RequestRefresh();
            if (msg.Completion is RemoteResponseCompletion ahead)
            {
                ahead.Reject(View.Version, "The caller's membership view is newer than this silo's; try again.");
                return;
            }
        }

        if (ClassOf(msg) is not { } cls)
        {
            return;
        }

        if (!View.IsClient && cls.UsesDirectory)
        {
            // The caller's directory lookup or placement chose this silo; the activation's registration has the last word.
            if (View.Self is { } self && View.IsActive(self))
            {
                _catalog.Dispatch(msg);
            }
            else if (msg.Completion is RemoteResponseCompletion leaving)
            {
                leaving.Reject(View.Version, $"{View.Self} takes no new activations.");
            }
            else
            {
                // A one-way call has no caller to send it again: this silo passes it on.
                Route(msg, cls);
            }

            return;
        }

        Route(msg, cls);
    }

    /// <summary>A silo sent the call back unrun: forget where the grain was thought to be, and send it again.</summary>
    public void Rejected(Message msg)
    {
        _locator.Forget(msg.Target);
        Reroute(msg);
    }

    private GrainClassMetadata? ClassOf(Message msg)
    {
        try
        {
            return _registry.GetClass(msg.Target.Type);
        }
        catch (InvalidOperationException e)
        {
            msg.Completion?.Fail(e);
            return null;
        }
    }

    private void Route(Message msg, GrainClassMetadata cls)
    {
        if (!cls.UsesDirectory)
        {
            SendTo(msg, !View.IsClient && cls.StatelessWorkerMax is not null ? View.Self : View.Ring.OwnerOf(msg.Target));
        }
        else if (_locator.TryGetCached(msg.Target, out var cached))
        {
            SendTo(msg, cached);
        }
        else
        {
            _ = LocateThenSendAsync(msg, cls);
        }
    }

    private async Task LocateThenSendAsync(Message msg, GrainClassMetadata cls)
    {
        SiloAddress? target;
        try
        {
            target = await _locator.LocateAsync(msg.Target, cls.Placement, CancellationToken.None);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            msg.Completion?.Fail(new SiloUnavailableException($"The grain directory could not place {msg.Target}: {e.Message}", e));
            return;
        }

        SendTo(msg, target);
    }

    private void SendTo(Message msg, SiloAddress? target)
    {
        if (target is null)
        {
            Reroute(msg);
        }
        else if (target == View.Self)
        {
            _catalog.Dispatch(msg);
        }
        else if (msg.Completion is RemoteResponseCompletion remote)
        {
            // A call that came in but is not ours (any more): the caller sends it on, having not run it.
            remote.Reject(View.Version, $"{msg.Target} is not owned by {View.Self}.");
        }
        else
        {
            _pool.Send(target.Value, msg);
        }
    }


    /// <summary>Sends a call that was not run again after a short wait (the view may have moved), or fails it when time is up.</summary>
    public void Reroute(Message msg)
    {
        msg.Attempts++;
        var elapsed = Stopwatch.GetElapsedTime(msg.StartTimestamp);
        if (msg.Attempts > MaxAttempts || (msg.Timeout != Timeout.InfiniteTimeSpan && elapsed >= msg.Timeout))
        {
            msg.Completion?.Fail(new SiloUnavailableException(
                $"No silo took {msg.Name} on {msg.Target} after {msg.Attempts - 1} attempts in {elapsed.TotalSeconds:F1} s (view {View.Version})."));
            return;
        }

        _ = SendLaterAsync(msg, TimeSpan.FromMilliseconds(Math.Min(20 * msg.Attempts, 250)));
    }

    private async Task SendLaterAsync(Message msg, TimeSpan delay)
    {
        await Task.Delay(delay, _time);
        Send(msg);
    }
}
