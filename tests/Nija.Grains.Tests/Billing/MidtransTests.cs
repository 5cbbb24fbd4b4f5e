using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Nija.GrainInterfaces.Billing;
using Nija.GrainInterfaces.Plans;
using Nija.Grains.Billing;
using Nija.Grains.Plans;
using Nija.Tests.Shared;

using Nija.Tests.Shared.Exchanges;

namespace Nija.Grains.Tests.Billing;

public sealed class MidtransTests
{
    // The mock notification from Midtrans's own Python client examples.
    private const string OrderId = "test-transaction-321";
    private const string StatusCode = "201";
    private const string Gross = "24145.00";
    private const string ServerKey = "SB-Mid-server-TEST_0123456789";

    [Fact]
    public async Task The_signature_is_sha512_of_order_status_amount_and_server_key_as_node_computes_it()
    {
        var (_, expected) = await NodeScripts.RunAsync("sha512.mjs", OrderId + StatusCode + Gross + ServerKey);

        Assert.Equal(expected, MidtransSignature.Compute(OrderId, StatusCode, Gross, ServerKey));
        Assert.True(MidtransSignature.Verify(OrderId, StatusCode, Gross, ServerKey, expected));
        Assert.True(MidtransSignature.Verify(OrderId, StatusCode, Gross, ServerKey, expected.ToUpperInvariant()));
        Assert.False(MidtransSignature.Verify(OrderId, StatusCode, "24146.00", ServerKey, expected));
        Assert.False(MidtransSignature.Verify(OrderId, "200", Gross, ServerKey, expected));
        Assert.False(MidtransSignature.Verify(OrderId, StatusCode, Gross, "another-key", expected));
        Assert.False(MidtransSignature.Verify(OrderId, StatusCode, Gross, ServerKey, null));
    }

    [Fact]
    public void Order_ids_carry_the_user_plan_and_interval_within_midtrans_length_limit()
    {
        var id = MidtransOrderId.Create("u_0123456789abcdef0123", PlanTier.Enterprise, BillingInterval.Yearly);

        Assert.True(id.Length <= 50, id);
        Assert.Equal(("u_0123456789abcdef0123", PlanTier.Enterprise, BillingInterval.Yearly), MidtransOrderId.Parse(id));
        Assert.Null(MidtransOrderId.Parse("someone-elses-order"));
    }

    [Fact]
    public async Task A_snap_transaction_is_created_with_basic_auth_and_whole_rupiah()
    {
        JsonElement body = default;
        string? authorization = null;
        await using var server = await FakeExchangeServer.StartAsync(app => app.MapPost("/snap/v1/transactions", async (HttpContext c) =>
        {
            authorization = c.Request.Headers.Authorization.ToString();
            body = await JsonSerializer.DeserializeAsync<JsonElement>(c.Request.Body);
            return Results.Json(new { token = "66e4fa55-fdac-4ef9-91b5-733b97d1b862", redirect_url = "https://app.sandbox.midtrans.com/snap/v2/vtweb/66e4fa55-fdac-4ef9-91b5-733b97d1b862" }, statusCode: 201);
        }));
        using var http = new HttpClient();
        var options = new BillingOptions { Midtrans = new MidtransOptions { ServerKey = ServerKey, ApiBase = server.BaseAddress.ToString(), IdrPerUsd = 16_000m } };
        var provider = new MidtransPaymentProvider(http, options);

        var result = await provider.StartSubscriptionAsync(new BillingAccount("u_1", "t@example.com", null, null, null), PlanCatalog.Default.For(PlanTier.Pro), BillingInterval.Monthly, default);

        Assert.Equal("https://app.sandbox.midtrans.com/snap/v2/vtweb/66e4fa55-fdac-4ef9-91b5-733b97d1b862", result.RedirectUrl);
        Assert.False(result.Paid);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ServerKey + ":")), authorization);
        var details = body.GetProperty("transaction_details");
        Assert.Equal(2_384_000, details.GetProperty("gross_amount").GetInt64()); // 149 USD at 16,000
        Assert.Equal(("u_1", PlanTier.Pro, BillingInterval.Monthly), MidtransOrderId.Parse(details.GetProperty("order_id").GetString()));
        Assert.Equal(2_384_000, body.GetProperty("item_details")[0].GetProperty("price").GetInt64());
    }
}
