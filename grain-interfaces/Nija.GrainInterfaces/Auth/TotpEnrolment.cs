using System.Collections.Immutable;

namespace Nija.GrainInterfaces.Auth;

/// <summary>What a user needs to set up an authenticator app, shown once.</summary>
public sealed record TotpEnrolment(string Secret, string ProvisioningUri, ImmutableArray<string> BackupCodes);
