using Nija.Runtime.Abstractions.Core;
using Nija.Runtime.Abstractions.Persistence;
using Nija.Runtime.Abstractions.Placement;

namespace Nija.Bench.Grains;

public interface IAdderGrain : IGrainWithIntegerKey
{
    Task<int> Add(int x);
}

public sealed class AdderGrain : Grain, IAdderGrain
{
    private int _total;

    Task<int> IAdderGrain.Add(int x) => Task.FromResult(_total += x);
}

/// <summary>About 200 bytes as JSON.</summary>
public sealed class AccountState
{
    public string Owner { get; set; } = "";

    public string Notes { get; set; } = "";

    public decimal Balance { get; set; }

    public long Version { get; set; }

    public static AccountState Sample(long key) => new()
    {
        Owner = $"owner-{key:D10}",
        Notes = new string('n', 130),
        Balance = 1000.25m,
    };
}

public interface IAccountGrain : IGrainWithIntegerKey
{
    Task<decimal> Balance();

    Task<long> Deposit(decimal amount);
}

[GrainType("benchaccount")]
public sealed class AccountGrain([PersistentState("account")] IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    Task<decimal> IAccountGrain.Balance() => Task.FromResult(state.State.Balance);

    async Task<long> IAccountGrain.Deposit(decimal amount)
    {
        state.State.Balance += amount;
        state.State.Version++;
        await state.WriteStateAsync();
        return state.State.Version;
    }
}

public interface IPlacedAdderGrain : IGrainWithIntegerKey
{
    Task<int> Add(int x);
}

/// <summary>The adder placed through the grain directory (random placement) instead of the hash ring.</summary>
[RandomPlacement]
public sealed class PlacedAdderGrain : Grain, IPlacedAdderGrain
{
    private int _total;

    Task<int> IPlacedAdderGrain.Add(int x) => Task.FromResult(_total += x);
}
