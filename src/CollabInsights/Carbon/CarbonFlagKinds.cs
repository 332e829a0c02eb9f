namespace CollabInsights.Carbon;

/// <summary>The named double-counting rules of <see cref="CarbonRules"/>, each with what it checks and where the rule comes from.</summary>
public static class CarbonFlagKinds
{
    /// <summary>Two blocks of one registry that are both issuances, or both still held, share serial numbers: the same credits issued (or held) twice.</summary>
    public const string SerialOverlap = "serial_overlap";

    /// <summary>Two retired or cancelled blocks of one registry share serial numbers: the same credits used twice (double use).</summary>
    public const string RetiredTwice = "retired_twice";

    /// <summary>A retired or cancelled block shares serial numbers with a block the same registry still shows as held (or in a buffer).</summary>
    public const string RetiredAndHeld = "retired_and_held";

    /// <summary>The same serial block appears in two registries of origin: the same tonnes issued twice (double issuance).</summary>
    public const string DoubleIssuanceSerial = "double_issuance_serial";

    /// <summary>A project with the same name and country is issued credits in two registries (double issuance).</summary>
    public const string DoubleIssuanceProject = "double_issuance_project";

    /// <summary>
    /// CAD Trust's <c>findConflicts</c>: two CAD Trust projects from different registries of origin, with the same sector and a
    /// location in the same country, whose issuance periods overlap. It does not compare serial numbers.
    /// </summary>
    public const string CadtConflict = "cadt_conflict";

    /// <summary>Every kind, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [SerialOverlap, RetiredTwice, RetiredAndHeld, DoubleIssuanceSerial, DoubleIssuanceProject, CadtConflict];

    /// <summary>What the rule checks and its provenance, one sentence each.</summary>
    public static string Describe(string kind) => kind switch
    {
        SerialOverlap => "Two issued (or two held) blocks of one registry share serial numbers. Source: each registry's serial numbering, which gives every credit one number (Verra VCU numbers are registry-wide).",
        RetiredTwice => "Two retired or cancelled blocks of one registry share serial numbers: double use. Source: the double-counting taxonomy (double issuance, double use, double claiming) of the ICVCM Core Carbon Principles and CORSIA's emissions unit criteria.",
        RetiredAndHeld => "A retired or cancelled block overlaps a block the registry still shows as held or buffered. Source: a serial has one status at a time in every registry's export.",
        DoubleIssuanceSerial => "The same serial block is issued by two registries of origin (CAD Trust units mirror their registry of origin and are compared as that registry). Source: double issuance in the ICVCM/CORSIA taxonomy.",
        DoubleIssuanceProject => "Projects with the same normalised name and country, each with issuances, in two registries of origin. Source: double issuance in the ICVCM/CORSIA taxonomy; name and country as in OffsetsDB's project schema.",
        CadtConflict => "CAD Trust's findConflicts (Chia-Network/cadt, src/models/audit/sql/find-duplicate-issuances.sql.js): different registryOfOrigin, same sector, a shared location country, overlapping issuance start/end dates.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a carbon flag kind."),
    };
}
