using System.Text;

namespace Nija.Api.Common;

/// <summary>A request body as text, for signature checks that must see the exact bytes; null when it exceeds the limit.</summary>
internal static class RawBody
{
    public static async Task<string?> ReadAsync(HttpRequest request, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
