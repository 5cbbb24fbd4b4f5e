using Nija.Grains.Billing;
using Nija.Tests.Shared;

namespace Nija.Grains.Tests.Billing;

public sealed class StripeSignatureTests
{
    private const string Secret = "whsec_test_secret_0123456789";
    private const string Payload = """{"id":"evt_1NG8Du2eZvKYlo2CUI79vXWy","object":"event","type":"invoice.paid"}""";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

    private static string Header(long t, string? payload = null, string secret = Secret) => $"t={t},v1={StripeSignature.Compute(secret, t, payload ?? Payload)}";

    [Fact]
    public async Task A_header_produced_by_stripes_own_library_verifies()
    {
        var (code, header) = await NodeScripts.RunAsync("stripe-webhook.mjs", Payload, "sign", Secret, Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, code);
        Assert.Null(StripeSignature.Verify(header, Payload, Secret, Now));
        Assert.NotNull(StripeSignature.Verify(header, Payload + " ", Secret, Now));
    }

    [Fact]
    public async Task Our_signatures_verify_in_stripes_own_library()
    {
        var header = Header(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        var (code, output) = await NodeScripts.RunAsync("stripe-webhook.mjs", Payload, "verify", Secret, header);

        Assert.Equal((0, "evt_1NG8Du2eZvKYlo2CUI79vXWy"), (code, output));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]     // the edge of the 300 s tolerance is inside it
    [InlineData(-300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void The_timestamp_must_be_within_300_seconds(int age, bool valid)
    {
        var t = Now.ToUnixTimeSeconds() - age;

        Assert.Equal(valid, StripeSignature.Verify(Header(t), Payload, Secret, Now) is null);
    }

    [Fact]
    public void Any_one_of_several_v1_signatures_may_match_and_v0_is_ignored()
    {
        var t = Now.ToUnixTimeSeconds();
        var good = StripeSignature.Compute(Secret, t, Payload);
        var other = StripeSignature.Compute("whsec_old", t, Payload);

        Assert.Null(StripeSignature.Verify($"t={t},v1={other},v1={good},v0={other}", Payload, Secret, Now));
        Assert.NotNull(StripeSignature.Verify($"t={t},v0={good}", Payload, Secret, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=notanumber,v1=00")]
    [InlineData("garbage")]
    public void Malformed_headers_are_rejected(string header)
    {
        Assert.NotNull(StripeSignature.Verify(header, Payload, Secret, Now));
    }

    [Fact]
    public void A_tampered_body_or_a_wrong_secret_is_rejected()
    {
        var t = Now.ToUnixTimeSeconds();

        Assert.NotNull(StripeSignature.Verify(Header(t), Payload.Replace("paid", "void", StringComparison.Ordinal), Secret, Now));
        Assert.NotNull(StripeSignature.Verify(Header(t, secret: "whsec_other"), Payload, Secret, Now));
    }
}
