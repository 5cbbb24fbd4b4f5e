using Nija.GrainInterfaces.Onboarding;
using Nija.Grains.Onboarding;
using Nija.Grains.Tests.Support;

namespace Nija.Grains.Tests.Onboarding;

public sealed class OnboardingTests
{
    [Fact]
    public void Progress_runs_from_zero_when_invited_to_one_hundred_when_active()
    {
        Assert.Equal([0, 20, 40, 60, 80, 100], Enum.GetValues<OnboardingStep>().Select(OnboardingStateMachine.ProgressPercent));
    }

    [Fact]
    public void A_step_cannot_be_skipped()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OnboardingStateMachine.Advance(OnboardingStep.Registered, OnboardingStep.BrokerConnected));
        Assert.Contains("the next step is EmailVerified", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_cannot_be_taken_twice_or_backwards()
    {
        Assert.Throws<InvalidOperationException>(() => OnboardingStateMachine.Advance(OnboardingStep.EmailVerified, OnboardingStep.EmailVerified));
        Assert.Throws<InvalidOperationException>(() => OnboardingStateMachine.Advance(OnboardingStep.EmailVerified, OnboardingStep.Registered));
        Assert.Throws<InvalidOperationException>(() => OnboardingStateMachine.Advance(OnboardingStep.Active, OnboardingStep.Active));
    }

    [Fact]
    public async Task The_onboarding_grain_walks_the_steps_in_order_and_keeps_them_across_a_restart()
    {
        await using var silo = await GrainSilo.StartAsync();
        var grain = silo.GrainFactory.GetGrain<IOnboardingGrain>("user-1");
        foreach (var step in new[] { OnboardingStep.Registered, OnboardingStep.EmailVerified, OnboardingStep.BrokerConnected })
        {
            await grain.Advance(step);
        }

        await silo.RestartAsync();
        var status = await silo.GrainFactory.GetGrain<IOnboardingGrain>("user-1").GetStatus();

        Assert.Equal(new OnboardingStatus(OnboardingStep.BrokerConnected, 60, OnboardingStep.TutorialCompleted, false), status);
        await Assert.ThrowsAsync<InvalidOperationException>(() => silo.GrainFactory.GetGrain<IOnboardingGrain>("user-1").Advance(OnboardingStep.Active));
    }
}
