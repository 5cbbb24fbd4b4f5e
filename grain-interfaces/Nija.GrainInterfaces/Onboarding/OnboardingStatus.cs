namespace Nija.GrainInterfaces.Onboarding;

/// <summary>Where a user is in onboarding.</summary>
/// <param name="Step">The last step reached.</param>
/// <param name="ProgressPercent">0 when invited, 100 when active.</param>
/// <param name="NextStep">The step that may come next, or null when active.</param>
/// <param name="AlphaApproved">Whether an admin approved the user for the alpha.</param>
public sealed record OnboardingStatus(OnboardingStep Step, int ProgressPercent, OnboardingStep? NextStep, bool AlphaApproved);
