using System.Collections.Immutable;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Audit;

/// <summary>The platform's audit log (a stateless worker over the history store; any key).</summary>
public interface IAuditGrain : IGrainWithIntegerKey
{
    Task Record(AuditRecord record);

    /// <summary>Records several entries in one call (the API's background queue flushes this way).</summary>
    Task RecordBatch(ImmutableArray<AuditRecord> records);

    /// <summary>Entries newest first, filtered.</summary>
    Task<ImmutableArray<AuditRecord>> Query(AuditQuery query);
}
