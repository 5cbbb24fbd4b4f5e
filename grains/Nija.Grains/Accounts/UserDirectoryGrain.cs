using System.Collections.Immutable;
using Nija.GrainInterfaces.Accounts;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Accounts;

/// <summary>
/// The account list. One grain is enough while sign-ups are rare next to trading (its state is
/// about 100 bytes per user); admin pages page through it.
/// </summary>
[GrainType("userdirectory")]
public sealed class UserDirectoryGrain([PersistentState("directory")] IPersistentState<UserDirectoryState> state, TimeProvider time) : Grain, IUserDirectoryGrain
{
    async Task IUserDirectoryGrain.Add(string userId, string email)
    {
        if (state.State.Users.Exists(u => u.UserId == userId))
        {
            return;
        }

        state.State.Users.Add(new DirectoryEntry(userId, email, time.GetUtcNow()));
        await state.WriteStateAsync();
    }

    async Task IUserDirectoryGrain.Remove(string userId)
    {
        if (state.State.Users.RemoveAll(u => u.UserId == userId) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    Task<ImmutableArray<DirectoryEntry>> IUserDirectoryGrain.List(int skip, int take) =>
        Task.FromResult(state.State.Users.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1_000)).ToImmutableArray());

    Task<int> IUserDirectoryGrain.Count() => Task.FromResult(state.State.Users.Count);
}
