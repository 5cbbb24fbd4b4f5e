using System.Security.Cryptography;
using System.Text;

namespace Nija.Grains.Auth;

/// <summary>How a personal API key becomes its lookup grain's key.</summary>
public static class ApiKeys
{
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
