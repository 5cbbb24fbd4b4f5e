using System.Net;
using System.Net.Http.Json;
using Nija.Grains.Auth;

namespace Nija.Api.Tests.Admin;

/// <summary>Master key rotation across the platform: rewrap under the new key, then retire the old one.</summary>
public sealed class VaultRotationTests
{
    private static readonly string OldKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());
    private static readonly string NewKey = Convert.ToBase64String(Enumerable.Repeat((byte)9, 32).ToArray());

    [Fact]
    public async Task After_rotation_the_old_master_key_can_be_removed_and_sealed_secrets_still_open()
    {
        var dataDir = Directory.CreateTempSubdirectory("nija-rotation-").FullName;
        string email, password;
        byte[] secret;
        await using (var before = await ApiHost.StartAsync(Options(dataDir, ("old", OldKey))))
        {
            var user = await before.NewUserAsync();
            (email, password) = (user.Email, user.Password);
            var enrolment = await (await user.Http.PostAsync("/api/v1/auth/2fa/enroll", null)).Json();
            secret = Base32.Decode(enrolment.GetProperty("secret").GetString()!);
            var confirm = await user.Http.PostAsJsonAsync("/api/v1/auth/2fa/confirm", new { code = Totp.Code(secret, Totp.StepAt(before.Clock.GetUtcNow())) });
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        await using (var rotating = await ApiHost.StartAsync(Options(dataDir, ("old", OldKey), ("new", NewKey))))
        {
            var admin = await rotating.SignInAsAdminAsync();
            var first = await (await admin.Http.PostAsync("/api/v1/admin/vault/rotate", null)).Json();
            var again = await (await admin.Http.PostAsync("/api/v1/admin/vault/rotate", null)).Json();

            Assert.Equal("new", first.GetProperty("activeKeyId").GetString());
            Assert.True(first.GetProperty("secretsRewrapped").GetInt32() >= 1);
            Assert.Equal(0, again.GetProperty("secretsRewrapped").GetInt32());
        }

        // The old key is gone: the TOTP secret opens only if it was rewrapped under the new one.
        await using var after = await ApiHost.StartAsync(Options(dataDir, ("new", NewKey)));
        after.Clock.Advance(TimeSpan.FromMinutes(2));
        var login = await after.Http.PostAsJsonAsync("/api/v1/auth/login", new { email, password, totpCode = Totp.Code(secret, Totp.StepAt(after.Clock.GetUtcNow())) });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    private static ApiHostOptions Options(string dataDir, params (string Id, string Key)[] keys)
    {
        var settings = keys.ToDictionary(k => $"Nija:Vault:MasterKeys:{k.Id}", k => k.Key);
        settings["Nija:Vault:ActiveKeyId"] = keys[^1].Id;
        return new ApiHostOptions { DataDir = dataDir, Settings = settings };
    }
}
