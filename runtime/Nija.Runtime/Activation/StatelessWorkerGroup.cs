using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Messaging;
using Nija.Runtime.Metadata;

namespace Nija.Runtime.Activation;

/// <summary>
/// The local activations of one [StatelessWorker] grain id: a call goes to an idle worker, or to a
/// new one while there are fewer than the maximum, or else to the least loaded.
/// </summary>
internal sealed class StatelessWorkerGroup(GrainId id, GrainClassMetadata grainClass, int max, Catalog catalog)
{
    private readonly Lock _lock = new();
    private readonly List<ActivationData> _workers = [];

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _workers.Count;
            }
        }
    }

    public IReadOnlyList<ActivationData> Workers
    {
        get
        {
            lock (_lock)
            {
                return [.. _workers];
            }
        }
    }

    public void Dispatch(Message msg)
    {
        while (true)
        {
            ActivationData target;
            var created = false;
            lock (_lock)
            {
                var best = _workers.Count == 0 ? null : _workers.MinBy(w => w.Load);
                if (best is not null && (best.Load == 0 || _workers.Count >= max))
                {
                    target = best;
                }
                else
                {
                    target = catalog.Create(id, grainClass);
                    _workers.Add(target);
                    created = true;
                }
            }

            if (created)
            {
                target.Activate();
            }

            if (target.Enqueue(msg))
            {
                return;
            }

            Remove(target);
        }
    }

    public void Remove(ActivationData worker)
    {
        lock (_lock)
        {
            _workers.Remove(worker);
        }
    }
}
