using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Networking;

/// <summary>
/// Carries a grain's exception across silos as its type name and message. The caller gets the same
/// exception type back when its process knows the type and it has a (string message) constructor,
/// and a <see cref="RemoteGrainException"/> naming the type otherwise.
/// </summary>
internal static class ExceptionCodec
{
    public static void Write(FrameWriter frame, Exception error)
    {
        frame.WriteString(error.GetType().AssemblyQualifiedName ?? error.GetType().FullName ?? "Exception");
        frame.WriteString(error.Message);
    }

    public static Exception Read(ref FrameReader reader)
    {
        var typeName = reader.ReadString();
        var message = reader.ReadString();
        var type = Type.GetType(typeName, throwOnError: false);
        if (type is not null && typeof(Exception).IsAssignableFrom(type) && type.GetConstructor([typeof(string)]) is { } ctor)
        {
            try
            {
                return (Exception)ctor.Invoke([message]);
            }
            catch (System.Reflection.TargetInvocationException)
            {
                // The type refuses to be built from a message alone: fall back to naming it.
            }
        }

        return new RemoteGrainException(type?.FullName ?? typeName, message);
    }
}
