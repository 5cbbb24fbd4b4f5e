using Nija.Runtime.Abstractions.Concurrency;
using Nija.Runtime.Abstractions.Core;

namespace Nija.GrainInterfaces.Onboarding;

/// <summary>A user's onboarding (key: the user id). Steps advance only in order.</summary>
public interface IOnboardingGrain : IGrainWithStringKey
{
    /// <summary>The current status.</summary>
    [ReadOnly]
    Task<OnboardingStatus> GetStatus();

    /// <summary>Moves to <paramref name="step"/>, which must be the next one; throws otherwise.</summary>
    Task<OnboardingStatus> Advance(OnboardingStep step);

    /// <summary>An admin approves the user for the alpha.</summary>
    Task<OnboardingStatus> ApproveAlpha(string approvedBy);
}
