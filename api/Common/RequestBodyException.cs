namespace Nija.Api.Common;

/// <summary>A request body that is not what the endpoint takes; answered as a validation problem naming <see cref="Field"/>.</summary>
internal sealed class RequestBodyException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
