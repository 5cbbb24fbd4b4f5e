namespace Nija.GrainInterfaces.Orders;

/// <summary>Buy or sell.</summary>
public enum OrderSide
{
    Buy,
    Sell,
}
