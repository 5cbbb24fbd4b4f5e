using Nija.GrainInterfaces.Auth;

namespace Nija.Api.Auth;

internal sealed record RegisterRequest(string Email, string Password, string? InvitationCode = null, string? DisplayName = null);

internal sealed record LoginRequest(string Email, string Password, string? TotpCode = null);

internal sealed record RefreshRequest(string RefreshToken);

internal sealed record ResetPasswordRequest(string Email);

internal sealed record ResetPasswordConfirmRequest(string Email, string Code, string NewPassword);

internal sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

internal sealed record TotpCodeRequest(string Code);

internal sealed record CreateApiKeyRequest(string Name, ApiKeyScope Scope);
