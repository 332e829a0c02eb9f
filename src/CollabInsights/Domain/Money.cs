using System.Globalization;

namespace CollabInsights.Domain;

/// <summary>
/// An amount of money in one ISO 4217 currency. Amounts are <see cref="decimal"/>; money in
/// different currencies is never added together without an explicit rate table.
/// </summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    /// <summary>Adds two amounts of the same currency; throws when the currencies differ.</summary>
    public static Money operator +(Money left, Money right)
    {
        if (!string.Equals(left.Currency, right.Currency, StringComparison.Ordinal))
        {
            throw new CollabInsightsException($"Cannot add {left} and {right}: the currencies differ. Convert one of them with an explicit rate table first.");
        }

        return new Money(left.Amount + right.Amount, left.Currency);
    }

    /// <summary>Money of zero in <paramref name="currency"/>.</summary>
    public static Money Zero(string currency) => new(0m, currency);

    /// <summary>Invariant text such as <c>1250000.00 GBP</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");
}
