using Microsoft.Extensions.Options;

namespace Nija.Api.Auth;

/// <summary>Nija:Onboarding: whether registering needs an invitation (the default, during the alpha).</summary>
internal sealed class OnboardingOptions
{
    public const string Section = "Nija:Onboarding";

    public bool RequireInvitation { get; set; } = true;
}

/// <summary>Nija:Admin: the founder's account, created on first start (a one-time password is printed when none is configured).</summary>
internal sealed class AdminOptions
{
    public const string Section = "Nija:Admin";

    public string Email { get; set; } = "founder@nija.local";

    public string? Password { get; set; }
}

internal sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        Credentials.EmailError(options.Email) is null
            ? options.Password is { Length: < 10 } ? ValidateOptionsResult.Fail("Nija:Admin:Password must be at least 10 characters.") : ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Nija:Admin:Email must be a valid e-mail address.");
}
