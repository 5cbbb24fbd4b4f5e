using Nija.Grains.Brokers;

namespace Nija.Grains.Tests.Brokers;

public sealed class SignatureTests
{
    [Fact]
    public void The_binance_signature_matches_the_example_in_binances_api_documentation()
    {
        // Binance Spot API docs, "SIGNED endpoint examples for POST /api/v3/order" (HMAC-SHA256).
        const string secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        const string query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

        Assert.Equal("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", BinanceSigner.Sign(secret, query));
    }

    [Fact]
    public void The_kraken_signature_matches_the_example_in_krakens_api_documentation()
    {
        // Kraken REST API docs, "Authentication": the AddOrder example.
        const string secret = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
        const string nonce = "1616492376594";
        const string postData = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";

        Assert.Equal("4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==",
            KrakenSigner.Sign(secret, "/0/private/AddOrder", nonce, postData));
    }
}
