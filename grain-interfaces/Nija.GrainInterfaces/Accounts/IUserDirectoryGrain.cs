using System.Collections.Immutable;
using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Accounts;

/// <summary>The list of accounts (key "users") for admin pages and platform totals.</summary>
public interface IUserDirectoryGrain : IGrainWithStringKey
{
    Task Add(string userId, string email);

    Task Remove(string userId);

    [ReadOnly]
    Task<ImmutableArray<DirectoryEntry>> List(int skip, int take);

    [ReadOnly]
    Task<int> Count();
}

/// <summary>An account in the directory.</summary>
public sealed record DirectoryEntry(string UserId, string Email, DateTimeOffset AddedAt);
