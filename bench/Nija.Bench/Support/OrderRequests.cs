using System.Text;

namespace Nija.Bench.Support;

/// <summary>
/// The open loop's requests as bytes on the wire: POST <c>url</c> with the <c>i</c>th order body
/// (<see cref="PacedLoad.OrderBody"/>), signed round robin with the tenants' tokens. The head of each
/// tenant's request is prepared once, so that building a request costs a copy.
/// </summary>
public sealed class OrderRequests
{
    private readonly byte[][] _heads;
    private readonly int _tenants;

    public OrderRequests(Uri url, IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(tokens);
        _tenants = tokens.Count;
        _heads = [.. tokens.Select(t => Encoding.ASCII.GetBytes(
            $"POST {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nAuthorization: Bearer {t}\r\nContent-Type: application/json\r\n"))];
    }

    public byte[] Of(int i)
    {
        var body = Encoding.UTF8.GetBytes(PacedLoad.OrderBody(i, _tenants));
        var length = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        var head = _heads[i % _tenants];
        return [.. head, .. length, .. body];
    }
}
