using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nija.GrainInterfaces.Brokers;
using Nija.Grains.Tests.Support;
using Nija.Runtime.Persistence;

using Nija.Tests.Shared.Exchanges;

namespace Nija.Grains.Tests.Brokers;

public sealed class BrokerCredentialsTests
{
    [Fact]
    public async Task A_stored_key_is_never_returned_and_is_not_readable_in_storage()
    {
        await using var silo = await GrainSilo.StartAsync(settings: new Dictionary<string, string?> { ["Nija:DataDir"] = Directory.CreateTempSubdirectory().FullName });
        var grain = silo.GrainFactory.GetGrain<IBrokerCredentialsGrain>("keeper");

        var info = await grain.Add("paper", "PAPERKEY-ABCD-1234", "VERY-SECRET-VALUE-99", null);
        var listed = Assert.Single(await grain.List());
        var stored = await silo.Services.GetRequiredKeyedService<IGrainStorage>("Default")
            .ReadAsync(new StateKey("nija", "brokercredentials", "keeper", "credentials"), default);
        var raw = Encoding.UTF8.GetString(stored!.Payload!);

        Assert.Equal(info, listed);
        Assert.Equal("…1234", info.KeyHint);
        Assert.DoesNotContain("VERY-SECRET", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("PAPERKEY", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task A_binance_key_that_can_withdraw_is_refused(bool canWithdraw, bool accepted)
    {
        await using var exchange = await FakeExchangeServer.StartAsync(app => app.MapGet("/sapi/v1/account/apiRestrictions", () =>
            Results.Text($$"""{"enableReading":true,"enableWithdrawals":{{(canWithdraw ? "true" : "false")}},"enableSpotAndMarginTrading":true}""", "application/json")));
        await using var silo = await GrainSilo.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Nija:DataDir"] = Directory.CreateTempSubdirectory().FullName,
            ["Nija:Brokers:Binance:BaseUrl"] = exchange.BaseAddress.ToString(),
        });
        var grain = silo.GrainFactory.GetGrain<IBrokerCredentialsGrain>("binance-user");

        var add = grain.Add("binance", "BINANCEKEY-0001", "BINANCE-SECRET-0001", null);

        if (accepted)
        {
            Assert.Equal("binance", (await add).Broker);
        }
        else
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => add);
            Assert.Contains("can withdraw", error.Message, StringComparison.Ordinal);
            Assert.Empty(await grain.List());
        }
    }

    [Fact]
    public async Task An_unknown_broker_is_refused_naming_the_field()
    {
        await using var silo = await GrainSilo.StartAsync(settings: new Dictionary<string, string?> { ["Nija:DataDir"] = Directory.CreateTempSubdirectory().FullName });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => silo.GrainFactory.GetGrain<IBrokerCredentialsGrain>("u").Add("mtgox", "KEYKEYKEY", "SECRETSECRET", null));

        Assert.Equal("broker", error.ParamName);
    }
}
