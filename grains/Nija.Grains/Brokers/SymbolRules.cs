namespace Nija.Grains.Brokers;

/// <summary>
/// What an exchange accepts for one symbol: quantity bounds and step, price tick, minimum order
/// value and leverage. <see cref="Check"/> names the first rule an order breaks, before it is sent.
/// </summary>
public sealed record SymbolRules(string Symbol, decimal MinQuantity, decimal? MaxQuantity, decimal QuantityStep, decimal PriceTick, decimal MinNotional, int MaxLeverage)
{
    /// <summary>The first rule <paramref name="quantity"/> at <paramref name="price"/> breaks, as "field: why"; null when the order fits.</summary>
    public string? Check(decimal quantity, decimal price)
    {
        if (quantity < MinQuantity)
        {
            return $"quantity: {quantity} is below {Symbol}'s minimum of {MinQuantity}.";
        }

        if (MaxQuantity is { } max && quantity > max)
        {
            return $"quantity: {quantity} is above {Symbol}'s maximum of {max}.";
        }

        if (QuantityStep > 0 && quantity % QuantityStep != 0)
        {
            return $"quantity: {quantity} is not a multiple of {Symbol}'s step of {QuantityStep}.";
        }

        if (PriceTick > 0 && price % PriceTick != 0)
        {
            return $"limitPrice: {price} is not a multiple of {Symbol}'s tick of {PriceTick}.";
        }

        return quantity * price < MinNotional
            ? $"quantity: the order's value {quantity * price} is below {Symbol}'s minimum of {MinNotional}."
            : null;
    }

    /// <summary><paramref name="quantity"/> rounded down to the step.</summary>
    public decimal RoundDown(decimal quantity) => QuantityStep > 0 ? Math.Floor(quantity / QuantityStep) * QuantityStep : quantity;
}
