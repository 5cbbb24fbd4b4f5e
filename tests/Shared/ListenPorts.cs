using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Nija.Tests.Shared;

/// <summary>
/// Loopback ports for processes that must listen on a port chosen before they start (a silo, which
/// is also restarted on the same port).
/// </summary>
/// <remarks>
/// Asking the kernel for port 0 and closing the socket is not enough: the port comes from the
/// ephemeral range, which is also where every outgoing connection (PostgreSQL pools, HTTP clients
/// of tests running in parallel) takes its source port, so one of them can hold it by the time the
/// silo binds ("Address already in use"). Ports below that range are never handed out for outgoing
/// connections, so only another listener could take one, and a random pick among thousands makes
/// that a rare coincidence rather than a race with every connect().
/// </remarks>
public static class ListenPorts
{
    private const int Lowest = 20_000;
    private const int MinimumSpan = 1_000;

    /// <summary>A loopback port below the kernel's ephemeral range that nothing listens on right now.</summary>
    public static int Next()
    {
        var firstEphemeral = EphemeralRangeStart();
        if (firstEphemeral - Lowest < MinimumSpan)
        {
            // No room below the ephemeral range on this machine: the kernel's choice is the best left.
            return Bind(0);
        }

        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(Lowest, firstEphemeral);
            if (TryBind(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port found in {Lowest}-{firstEphemeral - 1} after 100 attempts.");
    }

    /// <summary>The first port Linux takes source ports from (net.ipv4.ip_local_port_range); Linux's default elsewhere.</summary>
    private static int EphemeralRangeStart()
    {
        const string file = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(file) ? File.ReadAllText(file).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() : null;
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var low) ? low : 32_768;
    }

    private static bool TryBind(int port)
    {
        try
        {
            Bind(port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int Bind(int port)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
