using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Plans;
using Nija.GrainInterfaces.Trading;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Accounts;

[GrainType("account")]
public sealed class UserAccountGrain([PersistentState("account")] IPersistentState<UserAccountState> state, TimeProvider time) : Grain, IUserAccountGrain
{
    async Task<UserProfile> IUserAccountGrain.Create(string email, string displayName, UserRole role, PlanTier plan)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (state.State.Profile is { } existing)
        {
            return string.Equals(existing.Email, email.Trim(), StringComparison.OrdinalIgnoreCase)
                ? existing
                : throw new InvalidOperationException("This user id already belongs to another account.");
        }

        state.State.Profile = new UserProfile(GetPrimaryKeyString(), email.Trim().ToLowerInvariant(), displayName.Trim(), role, plan, time.GetUtcNow());
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ITradingGrain>(GetPrimaryKeyString()).SetPlan(plan);
        return state.State.Profile;
    }

    Task<UserProfile?> IUserAccountGrain.Get() => Task.FromResult(state.State.Profile);

    async Task<UserProfile> IUserAccountGrain.SetRole(UserRole role, string changedBy)
    {
        state.State.Profile = Existing() with { Role = role };
        await state.WriteStateAsync();
        return state.State.Profile;
    }

    async Task<UserProfile> IUserAccountGrain.SetPlan(PlanTier plan, string changedBy)
    {
        state.State.Profile = Existing() with { Plan = plan };
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ITradingGrain>(GetPrimaryKeyString()).SetPlan(plan);
        return state.State.Profile;
    }

    async Task IUserAccountGrain.Delete(string deletedBy)
    {
        Existing();
        await state.ClearStateAsync();
    }

    private UserProfile Existing() => state.State.Profile ?? throw new InvalidOperationException("The account does not exist.");
}
