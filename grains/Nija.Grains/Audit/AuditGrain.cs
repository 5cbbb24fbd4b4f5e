using System.Collections.Immutable;
using Nija.GrainInterfaces.Audit;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Grains.Audit;

/// <summary>Writes and reads the audit log off any one grain's path: a stateless worker over the store.</summary>
[GrainType("audit")]
[StatelessWorker]
public sealed class AuditGrain(IAuditStore store) : Grain, IAuditGrain
{
    private const int MaxPage = 500;

    Task IAuditGrain.Record(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Action);
        return store.AppendAsync(record, CancellationToken.None);
    }

    Task IAuditGrain.RecordBatch(ImmutableArray<AuditRecord> records)
    {
        foreach (var record in records)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(record.Action);
        }

        // Each append joins the store's group commit; awaiting them together costs one commit, not one per entry.
        return Task.WhenAll(records.Select(r => store.AppendAsync(r, CancellationToken.None)));
    }

    async Task<ImmutableArray<AuditRecord>> IAuditGrain.Query(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = query with { Skip = Math.Max(0, query.Skip), Take = Math.Clamp(query.Take, 1, MaxPage) };
        return [.. await store.QueryAsync(page, CancellationToken.None)];
    }
}
