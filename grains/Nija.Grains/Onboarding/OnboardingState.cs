using Nija.GrainInterfaces.Onboarding;

namespace Nija.Grains.Onboarding;

public sealed class OnboardingState
{
    public OnboardingStep Step { get; set; } = OnboardingStep.Invited;

    public bool AlphaApproved { get; set; }

    public string? ApprovedBy { get; set; }
}
