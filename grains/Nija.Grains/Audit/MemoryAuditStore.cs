using Nija.GrainInterfaces.Audit;

namespace Nija.Grains.Audit;

/// <summary>The audit log in memory (tests and the Memory storage choice).</summary>
public sealed class MemoryAuditStore : IAuditStore
{
    private readonly Lock _lock = new();
    private readonly List<AuditRecord> _records = [];

    public Task AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _records.Add(record);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<AuditRecord>>([.. _records.AsEnumerable().Reverse()
                .Where(r => (query.UserId is null || r.ActorUserId == query.UserId || r.TargetUserId == query.UserId)
                    && (query.Action is null || r.Action == query.Action)
                    && (query.From is null || r.At >= query.From) && (query.To is null || r.At <= query.To))
                .Skip(query.Skip).Take(query.Take)]);
        }
    }
}
