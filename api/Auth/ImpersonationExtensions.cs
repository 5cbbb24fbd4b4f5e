using Nija.GrainInterfaces.Accounts;

namespace Nija.Api.Auth;

/// <summary>Endpoints that change a user's own state refuse viewers (and so read-only impersonation).</summary>
internal static class ImpersonationExtensions
{
    public static TBuilder RequireNoImpersonation<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.ActorId() is null && !c.User.IsInRole(nameof(UserRole.Viewer))));
}
