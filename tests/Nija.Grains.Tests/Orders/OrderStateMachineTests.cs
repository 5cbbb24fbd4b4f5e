using Nija.GrainInterfaces.Orders;
using Nija.Grains.Orders;

namespace Nija.Grains.Tests.Orders;

public sealed class OrderStateMachineTests
{
    [Theory]
    [InlineData(OrderStatus.New, OrderStatus.Submitted)]
    [InlineData(OrderStatus.New, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Submitted, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.Submitted, OrderStatus.Filled)]
    [InlineData(OrderStatus.Submitted, OrderStatus.Expired)]
    [InlineData(OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderStatus.Filled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderStatus.Canceled)]
    public void A_legal_transition_is_taken(OrderStatus from, OrderStatus to)
    {
        Assert.Equal(to, OrderStateMachine.Move(from, to));
    }

    [Theory]
    [InlineData(OrderStatus.New, OrderStatus.Filled)]
    [InlineData(OrderStatus.New, OrderStatus.PartiallyFilled)]
    [InlineData(OrderStatus.PartiallyFilled, OrderStatus.Submitted)]
    [InlineData(OrderStatus.PartiallyFilled, OrderStatus.Rejected)]
    [InlineData(OrderStatus.Filled, OrderStatus.Canceled)]
    [InlineData(OrderStatus.Canceled, OrderStatus.Submitted)]
    [InlineData(OrderStatus.Rejected, OrderStatus.Submitted)]
    [InlineData(OrderStatus.Expired, OrderStatus.Filled)]
    public void An_illegal_transition_is_refused_naming_both_states(OrderStatus from, OrderStatus to)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OrderStateMachine.Move(from, to));
        Assert.Contains($"from {from} to {to}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_final_state_refuses_every_move()
    {
        foreach (var from in Enum.GetValues<OrderStatus>().Where(OrderStateMachine.IsFinal))
        {
            Assert.All(Enum.GetValues<OrderStatus>(), to => Assert.False(OrderStateMachine.CanMove(from, to)));
        }
    }
}
