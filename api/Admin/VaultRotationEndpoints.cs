using Nija.Api.Audit;
using Nija.Api.Auth;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Auth;
using Nija.GrainInterfaces.Brokers;
using Nija.Grains.Vault;
using Nija.Runtime.Abstractions.Core;

namespace Nija.Api.Admin;

/// <summary>
/// POST /api/v1/admin/vault/rotate: after an operator makes a new master key active
/// (Nija:Vault:ActiveKeyId), rewraps every user's sealed secrets (exchange keys, TOTP secrets)
/// under it, so the old key can then be retired. Idempotent: a secret already under the active key
/// is left alone, so a rotation cut short is simply run again.
/// </summary>
internal static class VaultRotationEndpoints
{
    private const int PageSize = 200;
    private const int Parallel = 32;

    public static RouteGroupBuilder MapVaultRotation(this RouteGroupBuilder group)
    {
        group.MapPost("/vault/rotate", async (IGrainFactory grains, CredentialVault vault, AuditWriter audit) =>
        {
            var directory = grains.GetGrain<IUserDirectoryGrain>(AccountFactory.DirectoryKey);
            var users = 0;
            var rewrapped = 0;
            for (var skip = 0; ; skip += PageSize)
            {
                var page = await directory.List(skip, PageSize);
                foreach (var batch in page.Chunk(Parallel))
                {
                    var counts = await Task.WhenAll(batch.Select(async u =>
                        await grains.GetGrain<IBrokerCredentialsGrain>(u.UserId).RotateKeys() + await grains.GetGrain<ILoginGrain>(u.Email).RotateKeys()));
                    rewrapped += counts.Sum();
                }

                users += page.Length;
                if (page.Length < PageSize)
                {
                    break;
                }
            }

            await audit.RecordAsync("vault.rotate", null, $"{rewrapped} secrets of {users} users rewrapped under key {vault.ActiveKeyId}");
            return Results.Ok(new { activeKeyId = vault.ActiveKeyId, users, secretsRewrapped = rewrapped });
        });
        return group;
    }
}
