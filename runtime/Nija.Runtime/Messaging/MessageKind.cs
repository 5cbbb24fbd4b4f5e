namespace Nija.Runtime.Messaging;

internal enum MessageKind
{
    /// <summary>A grain interface method call.</summary>
    Request,
    /// <summary>Runtime work run as a turn of the grain: a timer tick or a stream delivery.</summary>
    Callback,
}
