namespace Nija.GrainInterfaces.Auth;

/// <summary>What a one-time e-mail code is for.</summary>
public enum OneTimeCodePurpose
{
    VerifyEmail,
    ResetPassword,
}
