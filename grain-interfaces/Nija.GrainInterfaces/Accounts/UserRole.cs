namespace Nija.GrainInterfaces.Accounts;

/// <summary>What a user may do: admins run the platform, users trade, viewers only look.</summary>
public enum UserRole
{
    Viewer,
    User,
    Admin,
}
