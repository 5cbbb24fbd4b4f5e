using System.Security.Cryptography;
using System.Text;
using Nija.Grains.Auth;

namespace Nija.Grains.Tests.Auth;

public sealed class TotpTests
{
    // RFC 6238 appendix B: the seeds are ASCII "1234567890" repeated to the hash's block size.
    private static readonly byte[] Sha1Seed = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Sha256Seed = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Sha512Seed = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    [Theory]
    [InlineData(59L, "94287082", "46119246", "90693936")]
    [InlineData(1111111109L, "07081804", "68084774", "25091201")]
    [InlineData(1111111111L, "14050471", "67062674", "99943326")]
    [InlineData(1234567890L, "89005924", "91819424", "93441116")]
    [InlineData(2000000000L, "69279037", "90698825", "38618901")]
    [InlineData(20000000000L, "65353130", "77737706", "47863826")]
    public void Codes_match_the_RFC_6238_test_vectors(long unixSeconds, string sha1, string sha256, string sha512)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(sha1, Totp.Code(Sha1Seed, step, 8));
        Assert.Equal(sha256, Totp.Code(Sha256Seed, step, 8, HashAlgorithmName.SHA256));
        Assert.Equal(sha512, Totp.Code(Sha512Seed, step, 8, HashAlgorithmName.SHA512));
    }

    [Fact]
    public void A_code_matches_within_one_step_of_drift_and_not_beyond()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var code = Totp.Code(Sha1Seed, Totp.StepAt(now));

        Assert.Equal(Totp.StepAt(now), Totp.Match(Sha1Seed, code, now.AddSeconds(30)));
        Assert.Null(Totp.Match(Sha1Seed, code, now.AddSeconds(90)));
    }

    [Fact]
    public void Base32_round_trips_and_matches_RFC_4648()
    {
        Assert.Equal("MZXW6YTBOI", Base32.Encode("foobar"u8));
        Assert.Equal("foobar"u8.ToArray(), Base32.Decode("MZXW6YTBOI======"));
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.Encode(Sha1Seed));
    }
}
