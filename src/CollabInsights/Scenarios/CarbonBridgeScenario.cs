using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CollabInsights.Carbon;
using CollabInsights.Carbon.Bridge;
using CollabInsights.OffChain;

namespace CollabInsights.Scenarios;

/// <summary>
/// A generated bridge scenario: a Verra registry export (<c>registry/verra/projects.csv</c> and <c>transactions.csv</c>, in
/// Verra's column layout) whose retirements carry Toucan's (<c>TOUCAN...</c>) or C3's (<c>C3T...</c>) tag, a
/// <see cref="BridgePlan"/> that mints one batch per tagged retirement over two chains and two bridges and retires some
/// tokens, and planted differences (<see cref="Planted"/>, saved as <c>bridge-ground-truth.json</c>): unbacked batches
/// (minted over credits the registry still shows held), quantity and serial mismatches, the same credits bridged twice on
/// one bridge, on two bridges and on two chains, token retirements whose serials the registry also shows retired without a
/// tag, and tagged retirements never minted.
/// </summary>
public sealed record CarbonBridgeScenario(
    [property: JsonPropertyName("plan")] BridgePlan Plan,
    [property: JsonPropertyName("planted")] IReadOnlyList<BridgePlantedDifference> Planted)
{
    /// <summary>The ground-truth file name in a scenario folder.</summary>
    public const string GroundTruthFile = "bridge-ground-truth.json";

    /// <summary>The registry folder inside a scenario folder (holds <c>verra/</c>).</summary>
    public const string RegistryFolder = "registry";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private static readonly string[] Countries = ["Brazil", "Peru", "India", "China", "Indonesia", "Kenya", "Colombia", "Cambodia"];

    private static readonly string[] TransactionsHeader =
    [
        "Issuance Date", "Sustainable Development Goals", "Vintage Start", "Vintage End", "ID", "Name", "Country/Area", "Project Type", "Methodology",
        "Total Vintage Quantity", "Quantity Issued", "Serial Number", "Additional Certifications", "Retirement/Cancellation Date",
        "Retirement Beneficiary", "Retirement Reason", "Retirement Details",
    ];

    private static readonly string[] ProjectsHeader =
    [
        "ID", "Name", "Proponent", "Project Type", "AFOLU Activities", "Methodology", "Status", "Country/Area", "Estimated Annual Emission Reductions",
        "Region", "Project Registration Date", "Crediting Period Start Date", "Crediting Period End Date",
    ];

    /// <summary>Generates a scenario into <paramref name="directory"/>: <c>registry/verra/</c>, <c>bridge-plan.json</c> and <c>bridge-ground-truth.json</c>.</summary>
    public static async Task<CarbonBridgeScenario> GenerateAsync(string directory, CarbonBridgeScenarioOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= new CarbonBridgeScenarioOptions();
        if (options.BridgedBlocks < 20)
        {
            throw new CollabInsightsException($"BridgedBlocks is {options.BridgedBlocks}: a bridge scenario needs at least 20 bridged blocks to plant every kind of difference.");
        }

        if (options.Chains.Count < 2)
        {
            throw new CollabInsightsException("Chains names fewer than two chains: double bridges across chains need two.");
        }

        var rng = new Random(options.Seed);
        var projects = Enumerable.Range(0, 12).Select(i => (Id: (2000 + (i * 37)).ToString(CultureInfo.InvariantCulture), Country: Countries[i % Countries.Length])).ToList();
        var rows = new List<string[]>();
        var next = 10_000_000L;
        string[] Row(int p, int vintage, long first, long last, string? retired, string? beneficiary, string? details)
        {
            var (id, country) = projects[p];
            var serial = string.Create(CultureInfo.InvariantCulture, $"{9000 + rows.Count}-{first}-{last}-VCS-VCU-263-VER-XX-1-{id}-0101{vintage}-3112{vintage}-0");
            var quantity = (last - first + 1).ToString("N0", CultureInfo.InvariantCulture);
            return
            [
                string.Create(CultureInfo.InvariantCulture, $"{vintage + 2}-03-01"), string.Empty, $"{vintage}-01-01", $"{vintage}-12-31", id, $"Generated project {id}", country,
                "Agriculture Forestry and Other Land Use", "VM0015", quantity, quantity, serial, string.Empty, retired ?? string.Empty, beneficiary ?? string.Empty,
                retired is null ? string.Empty : "Environmental Benefit", details ?? string.Empty,
            ];
        }

        (int Project, int Vintage, long First, long Last) NewBlock()
        {
            var quantity = rng.Next(20, 3000);
            var block = (rng.Next(projects.Count), rng.Next(2008, 2021), next, next + quantity - 1);
            next += quantity + 1000;
            return block;
        }

        var bridges = new[] { "Toucan", "C3" };
        var tagged = new List<(int Row, int Project, int Vintage, long First, long Last, string Chain, string Bridge)>();
        var held = new List<(int Row, int Project, int Vintage, long First, long Last)>();
        for (var i = 0; i < options.BridgedBlocks + options.BridgedBlocks; i++)
        {
            var (p, v, f, l) = NewBlock();
            if (i % 2 == 0)
            {
                var chain = options.Chains[rng.Next(options.Chains.Count)];
                var bridge = bridges[rng.Next(bridges.Length)];
                var tag = bridge == "Toucan"
                    ? $"TOUCAN: bridged to the Toucan token (chain {chain})"
                    : $"C3T: bridged to the C3 token (chain {chain})";
                rows.Add(Row(p, v, f, l, string.Create(CultureInfo.InvariantCulture, $"2022-0{1 + rng.Next(5)}-1{rng.Next(10)}"), null, tag));
                tagged.Add((rows.Count, p, v, f, l, chain, bridge));
            }
            else if (i % 4 == 1)
            {
                rows.Add(Row(p, v, f, l, string.Create(CultureInfo.InvariantCulture, $"2021-1{rng.Next(3)}-0{1 + rng.Next(9)}"), $"Company {rng.Next(100)}", "Retired for the company's 2021 emissions"));
            }
            else
            {
                rows.Add(Row(p, v, f, l, null, null, null));
                held.Add((rows.Count, p, v, f, l));
            }
        }

        var perKind = Math.Max(1, (int)Math.Round(options.DifferenceRate * options.BridgedBlocks, MidpointRounding.AwayFromZero));
        var order = Enumerable.Range(0, tagged.Count).OrderBy(_ => rng.Next()).ToList();
        var take = new Queue<int>(order);
        var notMinted = Take(take, perKind);
        var quantityMismatch = Take(take, perKind);
        var serialMismatch = Take(take, perKind, i => tagged[i].Last > tagged[i].First + 1);
        var duplicated = Take(take, perKind * 3);
        var doubleClaimed = Take(take, perKind);

        var mints = new List<BridgeMint>();
        var counts = new Dictionary<(string, string), int>();
        var planted = new List<BridgePlantedDifference>();
        BridgeRecordRef Mint(string chain, string bridge, int project, int vintage, long first, long last, long quantity, string registryRow)
        {
            mints.Add(new BridgeMint(chain, bridge, rng.Next(9), CarbonRegistries.Verra, projects[project].Id, vintage, "VCS-VCU", first, last, quantity, registryRow));
            counts[(chain, bridge)] = counts.GetValueOrDefault((chain, bridge)) + 1;
            return new BridgeRecordRef(chain, bridge, counts[(chain, bridge)], null, null);
        }

        static string RowKey(int row) => BridgeKeys.RegistryRow($"{CarbonRegistries.Verra}/transactions.csv", row);

        var normal = new List<(int Tagged, BridgeRecordRef Batch)>();
        for (var i = 0; i < tagged.Count; i++)
        {
            var t = tagged[i];
            var quantity = t.Last - t.First + 1;
            if (notMinted.Contains(i))
            {
                planted.Add(new BridgePlantedDifference(BridgeFlagKinds.TaggedNotMinted, null, new BridgeRecordRef(null, null, null, null, RowKey(t.Row)), null,
                    "Tagged for a bridge in the registry; the plan mints nothing for it."));
            }
            else if (quantityMismatch.Contains(i))
            {
                var delta = rng.Next(1, (int)Math.Min(50, quantity - 1) + 1) * (rng.Next(2) == 0 ? 1 : -1);
                var batch = Mint(t.Chain, t.Bridge, t.Project, t.Vintage, t.First, t.Last, quantity + delta, RowKey(t.Row));
                planted.Add(new BridgePlantedDifference(BridgeFlagKinds.QuantityMismatch, null, batch, null,
                    string.Create(CultureInfo.InvariantCulture, $"Minted {quantity + delta} t for a retirement of {quantity} t.")));
            }
            else if (serialMismatch.Contains(i))
            {
                var cut = rng.Next(1, (int)Math.Min(50, quantity - 1) + 1);
                var batch = Mint(t.Chain, t.Bridge, t.Project, t.Vintage, t.First, t.Last - cut, quantity, RowKey(t.Row));
                planted.Add(new BridgePlantedDifference(BridgeFlagKinds.SerialMismatch, null, batch, null,
                    string.Create(CultureInfo.InvariantCulture, $"Minted serials {t.First}-{t.Last - cut} for a retirement of {t.First}-{t.Last}.")));
            }
            else
            {
                normal.Add((i, Mint(t.Chain, t.Bridge, t.Project, t.Vintage, t.First, t.Last, quantity, RowKey(t.Row))));
            }
        }

        foreach (var h in held.Take(perKind))
        {
            var chain = options.Chains[rng.Next(options.Chains.Count)];
            var batch = Mint(chain, bridges[rng.Next(bridges.Length)], h.Project, h.Vintage, h.First, h.Last, h.Last - h.First + 1, RowKey(h.Row));
            planted.Add(new BridgePlantedDifference(BridgeFlagKinds.UnbackedBatch, null, batch, null,
                string.Create(CultureInfo.InvariantCulture, $"Minted over serials {h.First}-{h.Last}, which the registry shows held, not retired.")));
        }

        var scopes = new[] { "same_bridge", "two_bridges", "two_chains" };
        var duplicatedNormal = normal.Where(n => duplicated.Contains(n.Tagged)).ToList();
        for (var d = 0; d < duplicatedNormal.Count; d++)
        {
            var (index, original) = duplicatedNormal[d];
            var t = tagged[index];
            var scope = scopes[d % scopes.Length];
            var chain = scope == "two_chains" ? options.Chains.First(c => c != t.Chain) : t.Chain;
            var bridge = scope == "two_bridges" ? bridges.First(b => b != t.Bridge) : t.Bridge;
            var copy = Mint(chain, bridge, t.Project, t.Vintage, t.First, t.Last, t.Last - t.First + 1, RowKey(t.Row));
            planted.Add(new BridgePlantedDifference(BridgeFlagKinds.DoubleBridge, scope, copy, original,
                $"The credits of {RowKey(t.Row)} minted again as {copy} ({scope})."));
        }

        var retirements = new List<BridgeTokenRetirement>();
        var retirementCounts = new Dictionary<(string, string), int>();
        foreach (var (index, batch) in normal.Where(n => !duplicated.Contains(n.Tagged)))
        {
            var t = tagged[index];
            var isDoubleClaim = doubleClaimed.Contains(index);
            if (!isDoubleClaim && rng.NextDouble() >= options.RetiredShare)
            {
                continue;
            }

            var quantity = t.Last - t.First + 1;
            var retire = rng.Next(1, (int)quantity + 1);
            retirements.Add(new BridgeTokenRetirement(batch.Chain!, batch.Bridge!, batch.Batch!.Value, retire, $"Beneficiary {rng.Next(1000)}"));
            retirementCounts[(batch.Chain!, batch.Bridge!)] = retirementCounts.GetValueOrDefault((batch.Chain!, batch.Bridge!)) + 1;
            if (isDoubleClaim)
            {
                var claimed = rng.Next(1, retire + 1);
                rows.Add(Row(t.Project, t.Vintage, t.First, t.First + claimed - 1, "2023-06-30", "Another claimant", "Retired on behalf of another claimant"));
                var retirementRef = new BridgeRecordRef(batch.Chain, batch.Bridge, null, retirementCounts[(batch.Chain!, batch.Bridge!)], null);
                planted.Add(new BridgePlantedDifference(BridgeFlagKinds.DoubleClaim, null, retirementRef, new BridgeRecordRef(null, null, null, null, RowKey(rows.Count)),
                    string.Create(CultureInfo.InvariantCulture, $"Tokens of {batch} retired on chain; the registry also retires serials {t.First}-{t.First + claimed - 1} without a tag.")));
            }
        }

        var scenario = new CarbonBridgeScenario(new BridgePlan(mints, retirements), planted);
        var verra = Path.Combine(directory, RegistryFolder, CarbonRegistries.Verra);
        await CsvFile.WriteAsync(Path.Combine(verra, "transactions.csv"), TransactionsHeader, rows, cancellationToken).ConfigureAwait(false);
        await CsvFile.WriteAsync(Path.Combine(verra, "projects.csv"), ProjectsHeader, projects.Select(p => (IReadOnlyList<string>)
            [p.Id, $"Generated project {p.Id}", "Generated proponent", "Agriculture Forestry and Other Land Use", string.Empty, "VM0015", "Registered", p.Country, "100,000", string.Empty, "2010-01-01", "2010-01-01", "2040-12-31"]),
            cancellationToken).ConfigureAwait(false);
        await scenario.Plan.SaveAsync(Path.Combine(directory, BridgePlan.FileName), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, GroundTruthFile), JsonSerializer.Serialize(planted, Json) + "\n", cancellationToken).ConfigureAwait(false);
        return scenario;
    }

    /// <summary>Reads the planted differences of a scenario folder (<see cref="GroundTruthFile"/>).</summary>
    public static async Task<IReadOnlyList<BridgePlantedDifference>> LoadPlantedAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new CollabInsightsException($"The bridge ground truth {path} does not exist: it is written by CarbonBridgeScenario.GenerateAsync.");
        }

        return JsonSerializer.Deserialize<List<BridgePlantedDifference>>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Json) ?? [];
    }

    private static HashSet<int> Take(Queue<int> queue, int count, Func<int, bool>? fits = null)
    {
        var taken = new HashSet<int>();
        var skipped = new List<int>();
        while (taken.Count < count && queue.Count > 0)
        {
            var i = queue.Dequeue();
            if (fits is null || fits(i))
            {
                taken.Add(i);
            }
            else
            {
                skipped.Add(i);
            }
        }

        foreach (var i in skipped)
        {
            queue.Enqueue(i);
        }

        return taken;
    }
}
