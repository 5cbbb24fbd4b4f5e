using Nija.Runtime.Abstractions.Core;

namespace Nija.Runtime.Tests.Grains;

public sealed record Quote(string Symbol, decimal Price);

public interface ICopyGrain : IGrainWithGuidKey
{
    Task Store(List<int> items);

    Task<List<int>> Get();

    Task<int> Count();
}

public sealed class CopyGrain : Grain, ICopyGrain
{
    private List<int> _items = [];

    Task ICopyGrain.Store(List<int> items)
    {
        _items = items;
        return Task.CompletedTask;
    }

    Task<List<int>> ICopyGrain.Get() => Task.FromResult(_items);

    Task<int> ICopyGrain.Count() => Task.FromResult(_items.Count);
}
