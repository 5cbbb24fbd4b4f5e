namespace Nija.Grains.Auth;

public sealed class RefreshTokenFamilyState
{
    public string? UserId { get; set; }

    public string CurrentHash { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    public bool Revoked { get; set; }
}
