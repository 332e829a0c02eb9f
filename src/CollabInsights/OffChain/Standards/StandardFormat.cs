namespace CollabInsights.OffChain.Standards;

/// <summary>The open data standards <see cref="StandardsSource"/> reads.</summary>
public enum StandardFormat
{
    /// <summary>IATI activity XML, versions 2.0x (<c>&lt;iati-activities&gt;</c>): aid activities with participating organisations, transactions and results.</summary>
    Iati,

    /// <summary>OCDS release package (<c>{"releases": [...]}</c>) or record package (<c>{"records": [...]}</c>), JSON, with the Metrics extension's observations where present.</summary>
    Ocds,

    /// <summary>360Giving grants, as the JSON package (<c>{"grants": [...]}</c>) or the flat CSV layout (<c>Identifier</c>, <c>Amount Awarded</c>, <c>Funding Org:Identifier</c>, ...).</summary>
    ThreeSixtyGiving,
}
