namespace Nija.Runtime.Networking;

/// <summary>What a frame on a silo connection carries.</summary>
internal enum FrameKind : byte
{
    Request = 1,
    Response = 2,
    Ping = 3,
    Pong = 4,

    /// <summary>The membership table changed: read it now.</summary>
    MembershipChanged = 5,

    /// <summary>An item published on a stream in another process.</summary>
    StreamItem = 6,

    /// <summary>The first frame on a connection: whether the opener is a client (which receives stream items over it).</summary>
    Hello = 7,

    /// <summary>Asks a silo for its <see cref="Metrics.SiloReport"/> (the cluster dashboard).</summary>
    ReportRequest = 8,

    /// <summary>A silo's report, as JSON.</summary>
    ReportResponse = 9,
}

/// <summary>How a call ended, in a response frame.</summary>
internal enum ResponseStatus : byte
{
    Ok = 1,
    Error = 2,

    /// <summary>Not run: the grain is not owned here under this silo's view. Safe to send again.</summary>
    Rejected = 3,
}
