using Nija.GrainInterfaces.Audit;

namespace Nija.Grains.Audit;

/// <summary>The audit log's store: append-only, read newest first with filters.</summary>
public interface IAuditStore
{
    Task AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}
