using Nija.GrainInterfaces.Onboarding;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;

namespace Nija.Grains.Onboarding;

[GrainType("onboarding")]
public sealed class OnboardingGrain([PersistentState("onboarding")] IPersistentState<OnboardingState> state) : Grain, IOnboardingGrain
{
    Task<OnboardingStatus> IOnboardingGrain.GetStatus() => Task.FromResult(Status());

    async Task<OnboardingStatus> IOnboardingGrain.Advance(OnboardingStep step)
    {
        state.State.Step = OnboardingStateMachine.Advance(state.State.Step, step);
        await state.WriteStateAsync();
        return Status();
    }

    async Task<OnboardingStatus> IOnboardingGrain.ApproveAlpha(string approvedBy)
    {
        state.State.AlphaApproved = true;
        state.State.ApprovedBy = approvedBy;
        await state.WriteStateAsync();
        return Status();
    }

    private OnboardingStatus Status() => OnboardingStateMachine.Status(state.State.Step, state.State.AlphaApproved);
}
