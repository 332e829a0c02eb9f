using System.Globalization;
using System.Text;

namespace CollabInsights.Carbon;

/// <summary>
/// The double-counting checks over a <see cref="CarbonDataset"/>, one named rule each (<see cref="CarbonFlagKinds"/>). Every flag
/// names the row it is about and the row it clashes with; a pair of clashing rows gives one flag, on the later of the two.
/// </summary>
public static class CarbonRules
{
    /// <summary>Runs every rule; flags sorted by kind (in <see cref="CarbonFlagKinds.All"/> order), registry, file and row.</summary>
    public static IReadOnlyList<CarbonFlag> Check(CarbonDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var flags = new List<CarbonFlag>();
        flags.AddRange(WithinRegistry(dataset.Blocks));
        flags.AddRange(DoubleIssuanceSerial(dataset.Blocks));
        flags.AddRange(DoubleIssuanceProject(dataset));
        flags.AddRange(CadtConflicts(dataset));
        return Sort(flags);
    }

    /// <summary>Flags sorted as <see cref="Check"/> sorts them.</summary>
    public static IReadOnlyList<CarbonFlag> Sort(IEnumerable<CarbonFlag> flags) =>
        flags.OrderBy(f => IndexOf(f.Kind)).ThenBy(f => f.Registry, StringComparer.Ordinal).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Row).ThenBy(f => f.Related, StringComparer.Ordinal).ToList();

    /// <summary>Number of flags of each kind, every kind listed (zero included), in <see cref="CarbonFlagKinds.All"/> order.</summary>
    public static IReadOnlyDictionary<string, int> Counts(IEnumerable<CarbonFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var counts = CarbonFlagKinds.All.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var f in flags)
        {
            counts[f.Kind] = counts.GetValueOrDefault(f.Kind) + 1;
        }

        return counts;
    }

    /// <summary>
    /// serial_overlap, retired_twice and retired_and_held: overlapping blocks of one registry folder. Issued blocks are compared
    /// with issued blocks only (the later state rows partition them); held, buffered, retired and cancelled blocks with each other.
    /// </summary>
    public static IReadOnlyList<CarbonFlag> WithinRegistry(IReadOnlyList<CreditBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var flags = new List<CarbonFlag>();
        foreach (var (a, b) in OverlappingPairs(blocks, x => x.Registry))
        {
            var issuedA = a.Status == CreditStatus.Issued;
            var issuedB = b.Status == CreditStatus.Issued;
            if (issuedA != issuedB)
            {
                continue;
            }

            var kind = (a.IsRetiredOrCancelled, b.IsRetiredOrCancelled) switch
            {
                (true, true) => CarbonFlagKinds.RetiredTwice,
                (false, false) => CarbonFlagKinds.SerialOverlap,
                _ => CarbonFlagKinds.RetiredAndHeld,
            };
            var (first, later) = Order(a, b);
            var common = Common(a.Serial!, b.Serial!);
            var reason = kind switch
            {
                CarbonFlagKinds.RetiredTwice => $"{Describe(later)} shares {common} with {Describe(first)} at {Where(first)}: the same credits retired twice",
                CarbonFlagKinds.RetiredAndHeld => $"{Describe(later)} shares {common} with {Describe(first)} at {Where(first)}: retired, yet still shown as held",
                _ => $"{Describe(later)} shares {common} with {Describe(first)} at {Where(first)}: the same serial numbers {(issuedA ? "issued" : "held")} twice",
            };
            flags.Add(Flag(kind, later, reason, first));
        }

        return flags;
    }

    /// <summary>double_issuance_serial: overlapping blocks whose registries of origin differ.</summary>
    public static IReadOnlyList<CarbonFlag> DoubleIssuanceSerial(IReadOnlyList<CreditBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var flags = new List<CarbonFlag>();
        foreach (var (a, b) in OverlappingPairs(blocks, _ => string.Empty))
        {
            if (string.Equals(a.OriginRegistry, b.OriginRegistry, StringComparison.Ordinal))
            {
                continue;
            }

            var (first, later) = Order(a, b);
            flags.Add(Flag(CarbonFlagKinds.DoubleIssuanceSerial, later,
                $"{Describe(later)} of {later.OriginRegistry} shares {Common(a.Serial!, b.Serial!)} with {Describe(first)} of {first.OriginRegistry} at {Where(first)}: one block in two registries", first));
        }

        return flags;
    }

    /// <summary>double_issuance_project: the same normalised project name and country, with issuances (or credit blocks) in two registries of origin.</summary>
    public static IReadOnlyList<CarbonFlag> DoubleIssuanceProject(CarbonDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var issued = new HashSet<(string, string)>();
        foreach (var i in dataset.Issuances)
        {
            issued.Add((i.Registry, i.ProjectId));
        }

        foreach (var b in dataset.Blocks)
        {
            issued.Add((b.Registry, b.ProjectId));
        }

        var groups = dataset.Projects
            .Where(p => p.Name is not null && p.Country is not null && issued.Contains((p.Registry, p.ProjectId)))
            .GroupBy(p => (Normalise(p.Name!), Normalise(p.Country!)))
            .Where(g => g.Key.Item1.Length > 0);
        var flags = new List<CarbonFlag>();
        foreach (var group in groups)
        {
            var list = group.OrderBy(p => RegistryIndex(p.Registry)).ThenBy(p => p.Provenance.Row).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    var originA = Origin(a);
                    var originB = Origin(b);
                    if (string.Equals(originA, originB, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    flags.Add(new CarbonFlag(CarbonFlagKinds.DoubleIssuanceProject, b.Registry, b.ProjectId, b.Provenance.File, b.Provenance.Row,
                        $"project {b.ProjectId} '{b.Name}' ({b.Country}) of {originB} has issuances, as does {a.ProjectId} '{a.Name}' ({a.Country}) of {originA} at {a.Provenance.File}:{a.Provenance.Row}: the same project in two registries",
                        $"{a.Provenance.File}:{a.Provenance.Row}"));
                }
            }
        }

        return flags;
    }

    /// <summary>
    /// cadt_conflict, as CAD Trust's <c>findConflicts</c> query: CAD Trust projects p1 &lt; p2 (by warehouse id) with different
    /// <c>registryOfOrigin</c>, equal <c>sector</c>, a location country in common, and issuances i1, i2 with
    /// <c>i1.start &lt;= i2.end</c> and <c>i1.end &gt;= i2.start</c>. One flag per pair of issuances (the query repeats it per location pair).
    /// </summary>
    public static IReadOnlyList<CarbonFlag> CadtConflicts(CarbonDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var projects = dataset.Projects.Where(p => p.Registry == CarbonRegistries.Cadt && p.WarehouseId is not null).OrderBy(p => p.WarehouseId, StringComparer.Ordinal).ToList();
        var issuances = dataset.Issuances.Where(i => i.Registry == CarbonRegistries.Cadt && i.PeriodStart is not null && i.PeriodEnd is not null)
            .ToLookup(i => i.WarehouseProjectId ?? i.ProjectId, StringComparer.Ordinal);
        var flags = new List<CarbonFlag>();
        for (var x = 0; x < projects.Count; x++)
        {
            for (var y = x + 1; y < projects.Count; y++)
            {
                var (p1, p2) = (projects[x], projects[y]);
                if (string.Equals(p1.OriginRegistry, p2.OriginRegistry, StringComparison.Ordinal) || p1.Sector is null || !string.Equals(p1.Sector, p2.Sector, StringComparison.Ordinal))
                {
                    continue;
                }

                var country = p1.Countries.FirstOrDefault(c => p2.Countries.Contains(c, StringComparer.Ordinal));
                if (country is null)
                {
                    continue;
                }

                foreach (var i1 in issuances[p1.WarehouseId!])
                {
                    foreach (var i2 in issuances[p2.WarehouseId!])
                    {
                        if (i1.PeriodStart <= i2.PeriodEnd && i1.PeriodEnd >= i2.PeriodStart)
                        {
                            flags.Add(new CarbonFlag(CarbonFlagKinds.CadtConflict, p2.Registry, p2.ProjectId, i2.Provenance.File, i2.Provenance.Row,
                                $"issuance {i2.PeriodStart:yyyy-MM-dd}..{i2.PeriodEnd:yyyy-MM-dd} of project {p2.ProjectId} '{p2.Name}' ({p2.OriginRegistry}) overlaps issuance {i1.PeriodStart:yyyy-MM-dd}..{i1.PeriodEnd:yyyy-MM-dd} of project {p1.ProjectId} '{p1.Name}' ({p1.OriginRegistry}) at {i1.Provenance.File}:{i1.Provenance.Row}; same sector '{p1.Sector}', both in {country}",
                                $"{i1.Provenance.File}:{i1.Provenance.Row}"));
                        }
                    }
                }
            }
        }

        return flags;
    }

    private static IEnumerable<(CreditBlock A, CreditBlock B)> OverlappingPairs(IReadOnlyList<CreditBlock> blocks, Func<CreditBlock, string> partition)
    {
        var withSerial = blocks.Where(b => b.Serial is not null).ToList();
        var stemIds = new Dictionary<(string, string), int>();
        var stems = new int[withSerial.Count];
        var first = new long[withSerial.Count];
        var last = new long[withSerial.Count];
        for (var i = 0; i < withSerial.Count; i++)
        {
            var key = (partition(withSerial[i]), withSerial[i].Serial!.Stem);
            if (!stemIds.TryGetValue(key, out var id))
            {
                stemIds[key] = id = stemIds.Count;
            }

            stems[i] = id;
            first[i] = withSerial[i].Serial!.First;
            last[i] = withSerial[i].Serial!.Last;
        }

        foreach (var (a, b) in SerialOverlaps.Find(stems, first, last))
        {
            yield return (withSerial[a], withSerial[b]);
        }
    }

    private static (CreditBlock First, CreditBlock Later) Order(CreditBlock a, CreditBlock b)
    {
        var c = RegistryIndex(a.Registry).CompareTo(RegistryIndex(b.Registry));
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Provenance.File, b.Provenance.File);
        }

        if (c == 0)
        {
            c = a.Provenance.Row.CompareTo(b.Provenance.Row);
        }

        return c <= 0 ? (a, b) : (b, a);
    }

    private static CarbonFlag Flag(string kind, CreditBlock at, string reason, CreditBlock related) =>
        new(kind, at.Registry, at.ProjectId, at.Provenance.File, at.Provenance.Row, reason, Where(related));

    private static string Where(CreditBlock b) => $"{b.Provenance.File}:{b.Provenance.Row}";

    private static string Describe(CreditBlock b)
    {
        var status = b.Status.ToString().ToLowerInvariant();
        var when = b.Date is { } d ? " " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        var who = b.Beneficiary is { Length: > 0 } ben ? $" for '{ben}'" : string.Empty;
        return $"{status}{when}{who} block {b.Serial} of project {b.ProjectId}";
    }

    private static string Common(SerialRange a, SerialRange b)
    {
        var n = Math.Min(a.Last, b.Last) - Math.Max(a.First, b.First) + 1;
        return string.Create(CultureInfo.InvariantCulture, $"{n} serial{(n == 1 ? string.Empty : "s")}");
    }

    private static string Origin(CarbonProject p) => p.Registry == CarbonRegistries.Cadt ? CarbonRegistries.FromCadtName(p.OriginRegistry) ?? p.OriginRegistry ?? p.Registry : p.Registry;

    private static int RegistryIndex(string registry)
    {
        for (var i = 0; i < CarbonRegistries.All.Count; i++)
        {
            if (CarbonRegistries.All[i] == registry)
            {
                return i;
            }
        }

        return CarbonRegistries.All.Count;
    }

    private static int IndexOf(string kind)
    {
        for (var i = 0; i < CarbonFlagKinds.All.Count; i++)
        {
            if (CarbonFlagKinds.All[i] == kind)
            {
                return i;
            }
        }

        return CarbonFlagKinds.All.Count;
    }

    /// <summary>Lower case letters and digits only, single spaces between words.</summary>
    private static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (char.IsWhiteSpace(ch) || char.IsPunctuation(ch) || char.IsSymbol(ch))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
        }

        return sb.ToString().Trim();
    }
}
