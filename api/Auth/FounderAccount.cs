using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Auth;
using Nija.GrainInterfaces.Onboarding;
using Nija.GrainInterfaces.Plans;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Auth;

/// <summary>
/// Creates the founder's admin account on first start. With no Nija:Admin:Password configured, a
/// one-time password is generated and written once to the console (never to the structured log).
/// </summary>
internal sealed partial class FounderAccount(IOptions<AdminOptions> options, IGrainFactory grains, AccountFactory accounts, ILogger<FounderAccount> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = Credentials.Normalize(options.Value.Email);
        if (await grains.GetGrain<ILoginGrain>(email).Get() is not null)
        {
            return;
        }

        var password = options.Value.Password ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(15));
        var created = await accounts.CreateAsync(email, password, "Founder", UserRole.Admin, PlanTier.Enterprise, invitationCode: null);
        if (created.Profile is not { } profile)
        {
            return;
        }

        var onboarding = grains.GetGrain<IOnboardingGrain>(profile.UserId);
        for (var step = OnboardingStep.EmailVerified; step <= OnboardingStep.Active; step++)
        {
            await onboarding.Advance(step);
        }

        LogCreated(logger, email);
        if (options.Value.Password is null)
        {
            await Console.Out.WriteLineAsync($"Nija: the founder account {email} was created with the one-time password: {password}  (change it after signing in)");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the founder account {Email}")]
    private static partial void LogCreated(ILogger logger, string email);
}
