using Nija.GrainInterfaces.Onboarding;

namespace Nija.Grains.Onboarding;

/// <summary>INVITED → REGISTERED → EMAIL_VERIFIED → BROKER_CONNECTED → TUTORIAL_COMPLETED → ACTIVE, one step at a time.</summary>
public static class OnboardingStateMachine
{
    private static readonly OnboardingStep Last = Enum.GetValues<OnboardingStep>().Max();

    public static int ProgressPercent(OnboardingStep step) => (int)step * 100 / (int)Last;

    public static OnboardingStep? Next(OnboardingStep step) => step == Last ? null : step + 1;

    /// <summary>The new step; throws unless <paramref name="to"/> is exactly the next one.</summary>
    public static OnboardingStep Advance(OnboardingStep from, OnboardingStep to) =>
        Next(from) == to
            ? to
            : throw new InvalidOperationException($"Onboarding cannot go from {from} to {to}; the next step is {Next(from)?.ToString() ?? "none (already active)"}.");

    public static OnboardingStatus Status(OnboardingStep step, bool alphaApproved) => new(step, ProgressPercent(step), Next(step), alphaApproved);
}
