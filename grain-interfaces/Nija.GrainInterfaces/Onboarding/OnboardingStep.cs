namespace Nija.GrainInterfaces.Onboarding;

/// <summary>The onboarding steps, in the only order they can be taken.</summary>
public enum OnboardingStep
{
    Invited,
    Registered,
    EmailVerified,
    BrokerConnected,
    TutorialCompleted,
    Active,
}
