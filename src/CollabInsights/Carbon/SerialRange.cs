namespace CollabInsights.Carbon;

/// <summary>
/// A block of credit serial numbers: the <paramref name="Stem"/> that numbers them (for example
/// <c>ACR-FR-1129-2025-2917</c> or, for Verra's registry-wide VCU numbers, <c>VCS</c>) and the
/// inclusive range <paramref name="First"/>..<paramref name="Last"/>. <paramref name="Text"/> is the serial as written.
/// </summary>
public sealed record SerialRange(string Stem, long First, long Last, string Text)
{
    /// <summary>Number of credits in the block (<c>Last - First + 1</c>).</summary>
    public long Count => Last - First + 1;

    /// <summary>True when both blocks share a stem and at least one serial number.</summary>
    public bool Overlaps(SerialRange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(Stem, other.Stem, StringComparison.Ordinal) && First <= other.Last && other.First <= Last;
    }

    /// <summary>The block in a canonical form, <c>STEM:FIRST-LAST</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"{Stem}:{First}-{Last}");
}
