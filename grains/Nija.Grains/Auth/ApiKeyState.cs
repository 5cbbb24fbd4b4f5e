using Nija.GrainInterfaces.Auth;

namespace Nija.Grains.Auth;

public sealed class ApiKeyState
{
    public ApiKeyOwner? Owner { get; set; }

    public bool Revoked { get; set; }
}
