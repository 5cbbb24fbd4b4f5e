using Nija.Api.Audit;
using Nija.Api.Auth;
using Nija.Api.Common;
using Nija.Api.Email;
using Nija.GrainInterfaces.Accounts;
using Nija.GrainInterfaces.Audit;
using Nija.GrainInterfaces.Auth;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Brokers;
using Nija.GrainInterfaces.History;
using Nija.GrainInterfaces.Notifications;
using Nija.GrainInterfaces.Onboarding;
using Nija.GrainInterfaces.Risk;
using Nija.GrainInterfaces.Trading;
using Nija.Grains.Accounts;
using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Metrics;

namespace Nija.Api.Admin;

/// <summary>/api/v1/admin (admin role, signed-in sessions only): users, invitations, kill switches, risk, overview, audit, outbox, metrics.</summary>
internal static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder group)
    {
        group.MapUserAdministration();
        group.MapVaultRotation();
        group.MapPost("/invitations", async (Body<CreateInvitationRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var r = body.Value;
            if (Credentials.EmailError(r.Email) is { } error)
            {
                return Problems.Field("email", error);
            }

            var code = InvitationCodes.NewCode();
            var invitation = await grains.GetGrain<IInvitationGrain>(InvitationCodes.KeyOf(code)).Create(r.Email, r.Tier, TimeSpan.FromDays(r.ValidityDays), http.User.UserId());
            await audit.RecordAsync("admin.invitation", null, $"invited {invitation.Email} ({invitation.Tier}) until {invitation.ExpiresAt:u}");
            return Results.Created("/api/v1/admin/invitations", new { code, expiresAt = invitation.ExpiresAt, email = invitation.Email, tier = invitation.Tier });
        });
        group.MapPost("/kill-switch", async (Body<KillSwitchRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var r = body.Value;
            if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Length > 500)
            {
                return Problems.Field("reason", "reason must be 1 to 500 characters.");
            }

            var level = r.Action switch
            {
                KillSwitchAction.Pause => KillSwitchLevel.Pause,
                KillSwitchAction.Stop => KillSwitchLevel.Stop,
                KillSwitchAction.Flatten => KillSwitchLevel.Flatten,
                _ => KillSwitchLevel.Off,
            };
            var admin = http.User.UserId();
            if (r.Scope == KillSwitchScope.Global)
            {
                var state = await grains.GetGrain<IGlobalRiskGrain>("global").SetKillSwitch(level, r.Reason, admin);
                await audit.RecordAsync("killswitch.global", null, $"{level}: {r.Reason}");
                return Results.Ok(state);
            }

            if (r.UserId is null || await grains.GetGrain<IUserAccountGrain>(r.UserId).Get() is null)
            {
                return Problems.Field("userId", "userId must name an existing user when scope is user.");
            }

            var trading = grains.GetGrain<ITradingGrain>(r.UserId);
            var userState = await trading.SetKillSwitch(level, r.Reason, admin);
            if (r.Action == KillSwitchAction.Resume)
            {
                // Resuming also lifts an auto-disable left by broker errors: only an admin may, and this is where an admin does.
                await trading.ResumeAfterBrokerErrors(r.Reason, admin);
            }

            await audit.RecordAsync("killswitch.user", r.UserId, $"{level} by an admin: {r.Reason}");
            return Results.Ok(userState);
        });
        group.MapGet("/risk-events", async (string? userId, string? rule, string? from, string? to, string? page, string? pageSize, IGrainFactory grains) =>
        {
            var (skip, take, error) = QueryParameters.Of(page, pageSize);
            var (start, fromError) = QueryParameters.Time(from, "from");
            var (end, toError) = QueryParameters.Time(to, "to");
            return error ?? fromError ?? toError ?? Results.Ok(await grains.GetGrain<IRiskEventsGrain>(0).Query(userId, rule, start, end, skip, take));
        });
        group.MapGet("/exposure", async (IGrainFactory grains) => Results.Ok(await grains.GetGrain<IGlobalRiskGrain>("global").GetExposure(20)));
        group.MapGet("/brokers", async (IGrainFactory grains, Grains.Brokers.ExchangeAdapters adapters) =>
            Results.Ok(await Task.WhenAll(adapters.Names.Select(name => grains.GetGrain<IBrokerGrain>(name).Health()))));
        group.MapGet("/overview", async (PlatformOverview overview) => Results.Ok(await overview.BuildAsync()));
        group.MapGet("/revenue", async (IGrainFactory grains, TimeProvider time) => Results.Ok(await grains.GetGrain<IRevenueGrain>("global").Summary(time.GetUtcNow())));
        group.MapGet("/audit-logs", async (string? userId, string? action, string? from, string? to, string? page, string? pageSize, IGrainFactory grains) =>
        {
            var (skip, take, error) = QueryParameters.Of(page, pageSize);
            var (start, fromError) = QueryParameters.Time(from, "from");
            var (end, toError) = QueryParameters.Time(to, "to");
            return error ?? fromError ?? toError ?? Results.Ok(await grains.GetGrain<IAuditGrain>(0).Query(new AuditQuery(userId, action, start, end, skip, take)));
        });
        group.MapGet("/outbox", async (string? to, IGrainFactory grains) => Results.Ok(await grains.GetGrain<IEmailOutboxGrain>(OutboxEmailSender.OutboxKey).List(to, 100)));
        group.MapGet("/metrics", (IRuntimeStatistics stats) => Results.Ok(stats.GetSnapshot()));
        group.MapGet("/cluster", async (ClusterStatistics cluster) => Results.Ok(await cluster.GetReportAsync()));
        group.MapGet("/health", async (Health.StorageProbe probe, IGrainFactory grains, IRuntimeStatistics stats, CancellationToken cancellationToken) =>
        {
            var (storageOk, storage) = await probe.CheckAsync(cancellationToken);
            var global = await grains.GetGrain<IGlobalRiskGrain>("global").GetKillSwitch();
            return Results.Ok(new
            {
                status = !storageOk || global.Level != KillSwitchLevel.Off ? "red" : "green",
                storage = new { ok = storageOk, detail = storage },
                globalKillSwitch = global,
                runtime = stats.GetSnapshot(),
            });
        });
        return group;
    }

    private static void MapUserAdministration(this RouteGroupBuilder group)
    {
        group.MapGet("/users", async (string? page, string? pageSize, IGrainFactory grains) =>
        {
            var (skip, take, error) = QueryParameters.Of(page, pageSize);
            if (error is not null)
            {
                return error;
            }

            var directory = grains.GetGrain<IUserDirectoryGrain>(AccountFactory.DirectoryKey);
            var entries = await directory.List(skip, take);
            var profiles = await Task.WhenAll(entries.Select(e => grains.GetGrain<IUserAccountGrain>(e.UserId).Get()));
            return Results.Ok(new { total = await directory.Count(), users = profiles.Where(p => p is not null) });
        });
        group.MapGet("/users/{id}", async (string id, IGrainFactory grains) =>
            await grains.GetGrain<IUserAccountGrain>(id).Get() is { } profile
                ? Results.Ok(new
                {
                    profile,
                    onboarding = await grains.GetGrain<IOnboardingGrain>(id).GetStatus(),
                    account = await grains.GetGrain<ITradingGrain>(id).GetAccount(),
                    killSwitch = await grains.GetGrain<ITradingGrain>(id).GetKillSwitch(),
                    usage = await grains.GetGrain<ITradingGrain>(id).GetUsage(),
                })
                : Problems.NotFound("The user"));
        group.MapPatch("/users/{id}", async (string id, Body<UpdateUserRequest> body, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var account = grains.GetGrain<IUserAccountGrain>(id);
            if (await account.Get() is not { } profile)
            {
                return Problems.NotFound("The user");
            }

            var admin = http.User.UserId();
            if (body.Value.Role is { } role && role != profile.Role)
            {
                profile = await account.SetRole(role, admin);
                await audit.RecordAsync("admin.user.role", id, $"role {role}");
            }

            if (body.Value.Plan is { } plan && plan != profile.Plan)
            {
                // Granted through billing, so that a paid subscription and a grant never fight over the plan.
                await grains.GetGrain<ISubscriptionGrain>(id).Grant(plan, admin);
                profile = await account.Get() ?? profile;
                await audit.RecordAsync("admin.user.plan", id, $"plan {plan} granted");
            }

            return Results.Ok(profile);
        });
        group.MapDelete("/users/{id}", async (string id, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            var account = grains.GetGrain<IUserAccountGrain>(id);
            if (await account.Get() is not { } profile)
            {
                return Problems.NotFound("The user");
            }

            if (id == http.User.UserId())
            {
                return Problems.Conflict("An admin cannot delete their own account.");
            }

            await grains.GetGrain<IUserSecurityGrain>(id).RevokeAllSessions();
            await grains.GetGrain<ILoginGrain>(profile.Email).Delete();
            await grains.GetGrain<ITradingGrain>(id).SetKillSwitch(KillSwitchLevel.Stop, "account deleted", http.User.UserId());
            await grains.GetGrain<IUserDirectoryGrain>(AccountFactory.DirectoryKey).Remove(id);
            await account.Delete(http.User.UserId());
            await audit.RecordAsync("admin.user.delete", id, $"deleted {profile.Email}");
            return Results.NoContent();
        });
        group.MapPost("/users/{id}/approve", async (string id, HttpContext http, IGrainFactory grains, AuditWriter audit) =>
        {
            if (await grains.GetGrain<IUserAccountGrain>(id).Get() is null)
            {
                return Problems.NotFound("The user");
            }

            var status = await grains.GetGrain<IOnboardingGrain>(id).ApproveAlpha(http.User.UserId());
            await audit.RecordAsync("admin.user.approve", id, "approved for the alpha");
            return Results.Ok(status);
        });
        group.MapPost("/users/{id}/impersonate", async (string id, HttpContext http, IGrainFactory grains, TokenService tokens, AuditWriter audit) =>
        {
            if (await grains.GetGrain<IUserAccountGrain>(id).Get() is not { } profile)
            {
                return Problems.NotFound("The user");
            }

            await audit.RecordAsync("admin.impersonate", id, $"read-only impersonation of {profile.Email}");
            return Results.Ok(new { accessToken = tokens.ImpersonationToken(profile, http.User.UserId()), readOnly = true });
        });
    }
}
