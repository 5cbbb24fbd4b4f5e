namespace Nija.Runtime.Abstractions.Streams;

/// <summary>Hands out streams by id.</summary>
public interface IStreamProvider
{
    /// <summary>The provider's name.</summary>
    string Name { get; }

    /// <summary>The stream with this id carrying items of <typeparamref name="T"/>.</summary>
    IAsyncStream<T> GetStream<T>(StreamId id);
}
