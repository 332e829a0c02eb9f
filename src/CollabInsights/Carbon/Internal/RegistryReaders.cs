using System.Text.RegularExpressions;
using CollabInsights.Domain;

namespace CollabInsights.Carbon.Internal;

/// <summary>
/// One reader per registry layout: which raw columns hold the project, quantity, serial block, dates, beneficiary and
/// details (the same raw columns as OffsetsDB's <c>credits-raw-columns-mapping.json</c> and
/// <c>projects-raw-columns-mapping.json</c>, pinned in <c>data/carbon-offsetsdb/configs</c>).
/// </summary>
internal static partial class RegistryReaders
{
    /// <summary>The parts of a dataset read from one folder.</summary>
    internal sealed class Parts
    {
        public List<CarbonProject> Projects { get; } = [];

        public List<CarbonIssuance> Issuances { get; } = [];

        public List<CreditBlock> Blocks { get; } = [];
    }

    /// <summary>Verra: <c>projects.csv</c> and <c>transactions.csv</c> (one row per VCU block; a retirement date means retired).</summary>
    public static void Verra(Func<string, RegistryRows?> open, Parts parts)
    {
        const string registry = CarbonRegistries.Verra;
        if (open("projects.csv") is { } p)
        {
            int id = p.Require("ID"), name = p.Optional("Name"), country = p.Optional("Country/Area"), type = p.Optional("Project Type"), status = p.Optional("Status");
            for (var r = 1; r <= p.Count; r++)
            {
                p.MoveTo(r);
                if (RequireText(p, id, "a Verra project ID") is { } pid)
                {
                    parts.Projects.Add(new CarbonProject(registry, pid, p.Text(name), p.Text(country), p.Text(type), p.Text(status), registry, p.Provenance));
                }
            }
        }

        if (open("transactions.csv") is not { } t)
        {
            return;
        }

        int tid = t.Require("ID"), serial = t.Require("Serial Number"), qty = t.Require("Quantity Issued"), retired = t.Require("Retirement/Cancellation Date");
        int issued = t.Optional("Issuance Date"), vStart = t.Optional("Vintage Start"), vEnd = t.Optional("Vintage End"), total = t.Optional("Total Vintage Quantity");
        int beneficiary = t.Optional("Retirement Beneficiary"), reason = t.Optional("Retirement Reason"), details = t.Optional("Retirement Details");
        var firstIssuance = new Dictionary<(string, int?, decimal), CarbonIssuance>();
        for (var r = 1; r <= t.Count; r++)
        {
            t.MoveTo(r);
            var pid = RequireText(t, tid, "a Verra project ID");
            var quantity = t.Quantity(qty, required: true);
            var range = ReadSerial(t, serial, SerialParser.Verra, "a Verra serial such as 19385-941467007-941467431-VCS-VCU-1507-VER-ET-14-1340-01012020-31122020-1");
            if (pid is null || quantity is null)
            {
                continue;
            }

            CheckCount(t, serial, range, quantity.Value);
            var vintage = t.Year(vStart);
            var retiredOn = t.Date(retired, required: false);
            var issuedOn = t.Date(issued, required: false);
            var isRetired = t.Text(retired) is not null;
            parts.Blocks.Add(new CreditBlock(registry, pid, isRetired ? CreditStatus.Retired : CreditStatus.Held, vintage, quantity.Value, range,
                isRetired ? retiredOn : issuedOn, null, t.Text(beneficiary), t.Text(reason), t.Text(details), t.Provenance));

            // OffsetsDB's rule for Verra's rolling issuances: one issuance per (project, vintage, total vintage quantity), the earliest.
            if (t.Quantity(total, required: false) is { } totalQuantity)
            {
                var issuance = new CarbonIssuance(registry, pid, vintage, totalQuantity, issuedOn, t.Date(vStart, false, quiet: true), t.Date(vEnd, false, quiet: true), t.Provenance);
                var key = (pid, vintage, totalQuantity);
                if (!firstIssuance.TryGetValue(key, out var seen) || (issuedOn is { } a && (seen.IssuedOn is not { } b || a < b)))
                {
                    firstIssuance[key] = issuance;
                }
            }
        }

        parts.Issuances.AddRange(firstIssuance.Values.OrderBy(i => i.Provenance.Row));
    }

    /// <summary>Gold Standard: <c>projects.csv</c>, <c>issuances.csv</c> (issued blocks) and <c>retirements.csv</c>.</summary>
    public static void GoldStandard(Func<string, RegistryRows?> open, Parts parts)
    {
        const string registry = CarbonRegistries.GoldStandard;
        if (open("projects.csv") is { } p)
        {
            ReadProjects(p, registry, "a Gold Standard GSID", ["GSID"], ["Project Name"], ["Country"], ["Project Type"], ["Status"], parts);
        }

        const string serialForm = "a Gold Standard serial such as GS1-1-UG-GS11236-16-2024-30307-1-19149";
        if (open("issuances.csv") is { } i)
        {
            int id = i.Require("GSID"), qty = i.Require("Quantity"), serial = i.Require("Serial Number"), vintage = i.Optional("Vintage");
            int date = i.Optional("Issuance Date"), start = i.Optional("Monitoring Period Start"), end = i.Optional("Monitoring Period End");
            for (var r = 1; r <= i.Count; r++)
            {
                i.MoveTo(r);
                var pid = RequireText(i, id, "a Gold Standard GSID");
                var quantity = i.Quantity(qty, required: true);
                var range = ReadSerial(i, serial, SerialParser.GoldStandard, serialForm);
                if (pid is null || quantity is null)
                {
                    continue;
                }

                CheckCount(i, serial, range, quantity.Value);
                var issuedOn = i.Date(date, required: false);
                parts.Issuances.Add(new CarbonIssuance(registry, pid, i.Year(vintage), quantity.Value, issuedOn, i.Date(start, false), i.Date(end, false), i.Provenance));
                parts.Blocks.Add(new CreditBlock(registry, pid, CreditStatus.Issued, i.Year(vintage), quantity.Value, range, issuedOn, null, null, null, null, i.Provenance));
            }
        }

        if (open("retirements.csv") is { } t)
        {
            int id = t.Require("GSID"), qty = t.Require("Quantity"), serial = t.Require("Serial Number"), vintage = t.Optional("Vintage"), status = t.Optional("Credit Status");
            int date = t.Optional("Retirement Date"), entity = t.Optional("Using Entity"), note = t.Optional("Note"), useCase = t.Optional("Use Case");
            for (var r = 1; r <= t.Count; r++)
            {
                t.MoveTo(r);
                var pid = RequireText(t, id, "a Gold Standard GSID");
                var quantity = t.Quantity(qty, required: true);
                var range = ReadSerial(t, serial, SerialParser.GoldStandard, serialForm);
                if (pid is null || quantity is null)
                {
                    continue;
                }

                CheckCount(t, serial, range, quantity.Value);
                var kind = (t.Text(status) ?? "Retired").StartsWith("Cancel", StringComparison.OrdinalIgnoreCase) ? CreditStatus.Cancelled : CreditStatus.Retired;
                parts.Blocks.Add(new CreditBlock(registry, pid, kind, t.Year(vintage), quantity.Value, range, t.Date(date, false), null, t.Text(entity), t.Text(useCase), t.Text(note), t.Provenance));
            }
        }
    }

    /// <summary>
    /// The APX registries (American Carbon Registry, Climate Action Reserve, ART TREES): projects, issuances (no serials),
    /// retirements and cancellations (serial blocks such as <c>CAR-1-US-1335-31-983-KS-2025-9205-1 to 5000</c>).
    /// </summary>
    public static void Apx(string registry, Func<string, RegistryRows?> open, Parts parts)
    {
        string[] id = ["Project ID", "Program ID"];
        var idText = $"a {registry} project ID";
        if (open("projects.csv") is { } p)
        {
            ReadProjects(p, registry, idText, id, ["Project Name", "Program Name"], ["Project Site Country", "Program Country"], ["Project Type", "Program Type"], ["Status", "Voluntary Status"], parts);
        }

        if (open("issuances.csv") is { } i)
        {
            int pid = i.Require(id), qty = i.Require("Total Credits Issued", "Total Offset Credits Issued", "Credits Verified"), vintage = i.Optional("Vintage");
            int date = i.Optional("Date Issued (GMT)", "Date Issued", "Date Approved"), start = i.Optional("ReportingPeriodBegin"), end = i.Optional("ReportingPeriodEnd");
            for (var r = 1; r <= i.Count; r++)
            {
                i.MoveTo(r);
                var project = RequireText(i, pid, idText);
                var quantity = i.Quantity(qty, required: true);
                if (project is not null && quantity is not null)
                {
                    parts.Issuances.Add(new CarbonIssuance(registry, project, i.Year(vintage), quantity.Value, i.Date(date, false), i.Date(start, false), i.Date(end, false), i.Provenance));
                }
            }
        }

        ReadApxBlocks(open("retirements.csv"), registry, CreditStatus.Retired, id, idText, parts,
            account: ["Account Holder"], beneficiary: ["Retired on Behalf of"], reason: ["Retirement Reason"], details: ["Purpose of Retirement", "Retirement Reason Details"]);
        ReadApxBlocks(open("cancellations.csv"), registry, CreditStatus.Cancelled, id, idText, parts,
            account: ["Account Holder"], beneficiary: [], reason: ["Cancellation Type", "Cancellation Reason"], details: ["Cancellation Details", "Export Notes"]);
    }

    private static void ReadApxBlocks(RegistryRows? t, string registry, CreditStatus status, string[] id, string idText, Parts parts, string[] account, string[] beneficiary, string[] reason, string[] details)
    {
        if (t is null)
        {
            return;
        }

        int pid = t.Require(id), qty = t.Require("Quantity of Credits", "Quantity of Offset Credits"), serial = t.Require("Credit Serial Numbers", "Offset Credit Serial Numbers");
        int vintage = t.Optional("Vintage"), date = t.Optional("Status Effective (GMT)", "Status Effective");
        int acc = t.Optional(account), ben = beneficiary.Length == 0 ? -1 : t.Optional(beneficiary), why = t.Optional(reason), note = t.Optional(details);
        for (var r = 1; r <= t.Count; r++)
        {
            t.MoveTo(r);
            var project = RequireText(t, pid, idText);
            var quantity = t.Quantity(qty, required: true);
            var range = ReadSerial(t, serial, SerialParser.Apx, "an APX serial block such as ACR-FR-1129-2025-2917-30932 to 35143");
            if (project is null || quantity is null)
            {
                continue;
            }

            CheckCount(t, serial, range, quantity.Value);
            parts.Blocks.Add(new CreditBlock(registry, project, status, t.Year(vintage), quantity.Value, range, t.Date(date, false), t.Text(acc), t.Text(ben), t.Text(why), t.Text(note), t.Provenance));
        }
    }

    /// <summary>Isometric: projects (by their <c>id</c>, which issuances and retirements name), issuances and retirements; no serial numbers.</summary>
    public static void Isometric(Func<string, RegistryRows?> open, Parts parts)
    {
        const string registry = CarbonRegistries.Isometric;
        if (open("projects.csv") is { } p)
        {
            ReadProjects(p, registry, "an Isometric project id", ["id"], ["name"], ["location.country_name", "country_code"], ["pathway"], ["status"], parts);
        }

        if (open("issuances.csv") is { } i)
        {
            int pid = i.Require("project_id"), qty = i.Require("credit_batch_size_total.credits"), date = i.Optional("issued_at");
            for (var r = 1; r <= i.Count; r++)
            {
                i.MoveTo(r);
                var project = RequireText(i, pid, "an Isometric project id");
                var quantity = i.Quantity(qty, required: true);
                if (project is not null && quantity is not null)
                {
                    var on = i.Date(date, false);
                    parts.Issuances.Add(new CarbonIssuance(registry, project, on?.Year, quantity.Value, on, null, null, i.Provenance));
                }
            }
        }

        if (open("retirements.csv") is { } t)
        {
            int pid = t.Require("project_id"), qty = t.Require("credit_batch_size_total.credits"), date = t.Optional("retired_at");
            int owner = t.Optional("owner.name"), ben = t.Optional("beneficiary.name"), why = t.Optional("purposes"), note = t.Optional("notes"), vintage = t.Optional("sequestered_on");
            for (var r = 1; r <= t.Count; r++)
            {
                t.MoveTo(r);
                var project = RequireText(t, pid, "an Isometric project id");
                var quantity = t.Quantity(qty, required: true);
                if (project is not null && quantity is not null)
                {
                    parts.Blocks.Add(new CreditBlock(registry, project, CreditStatus.Retired, t.Year(vintage), quantity.Value, null, t.Date(date, false), t.Text(owner), t.Text(ben), t.Text(why), t.Text(note), t.Provenance));
                }
            }
        }
    }

    /// <summary>Cercarbono: projects (by <c>code</c>; retirements name the numeric <c>id</c>), issuances (project from the serial) and retirements.</summary>
    public static void Cercarbono(Func<string, RegistryRows?> open, Parts parts)
    {
        const string registry = CarbonRegistries.Cercarbono;
        var codeOfId = new Dictionary<string, string>(StringComparer.Ordinal);
        if (open("projects.csv") is { } p)
        {
            int id = p.Require("id"), code = p.Require("code"), name = p.Optional("name"), locations = p.Optional("locations"), sector = p.Optional("sector"), stage = p.Optional("stage");
            for (var r = 1; r <= p.Count; r++)
            {
                p.MoveTo(r);
                var pid = RequireText(p, code, "a Cercarbono project code such as CDC-1");
                if (pid is null)
                {
                    continue;
                }

                if (p.Text(id) is { } numeric)
                {
                    codeOfId[numeric] = pid;
                }

                var country = CercarbonoCountry().Match(p.Raw(locations)) is { Success: true } m ? m.Groups[1].Value : null;
                var sectorName = CercarbonoSector().Match(p.Raw(sector)) is { Success: true } s ? s.Groups[1].Value : null;
                parts.Projects.Add(new CarbonProject(registry, pid, p.Text(name), country, sectorName, p.Text(stage), registry, p.Provenance));
            }
        }

        string Project(string numericId) => codeOfId.GetValueOrDefault(numericId, "CDC-" + numericId);
        if (open("issuances.csv") is { } i)
        {
            int serial = i.Require("serial"), qty = i.Require("issued_quantity"), date = i.Optional("issuance_date"), year = i.Optional("year"), period = i.Optional("vintage_of_credits");
            for (var r = 1; r <= i.Count; r++)
            {
                i.MoveTo(r);
                var quantity = i.Quantity(qty, required: true);
                var s = i.Text(serial);
                var m = s is null ? Match.Empty : CercarbonoSerialProject().Match(s);
                if (!m.Success)
                {
                    i.Problem(serial, "expected a Cercarbono serial such as CDC_1_1_1_321_14_1 (the number after CDC_ is the project id)", ProblemSeverity.Invalid);
                }

                if (quantity is null || !m.Success)
                {
                    continue;
                }

                var dates = CercarbonoPeriod().Match(i.Raw(period));
                parts.Issuances.Add(new CarbonIssuance(registry, Project(m.Groups[1].Value), i.Year(year), quantity.Value, i.Date(date, false),
                    dates.Success ? DateOnly.ParseExact(dates.Groups[1].Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
                    dates.Success ? DateOnly.ParseExact(dates.Groups[2].Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null, i.Provenance));
            }
        }

        if (open("retirements.csv") is { } t)
        {
            int pid = t.Require("project_id"), serial = t.Require("serial"), qty = t.Require("quantity"), from = t.Require("from"), to = t.Require("to");
            int vintage = t.Optional("vintage"), date = t.Optional("date"), user = t.Optional("end_user"), destination = t.Optional("certificate_destination");
            for (var r = 1; r <= t.Count; r++)
            {
                t.MoveTo(r);
                var project = RequireText(t, pid, "a Cercarbono project id");
                var quantity = t.Quantity(qty, required: true);
                var range = SerialParser.Cercarbono(t.Raw(serial), t.Raw(from), t.Raw(to));
                if (range is null)
                {
                    t.Problem(from, "expected a Cercarbono block: a serial with whole numbers in 'from' and 'to', from <= to", ProblemSeverity.Warning);
                }

                if (project is null || quantity is null)
                {
                    continue;
                }

                CheckCount(t, from, range, quantity.Value);
                parts.Blocks.Add(new CreditBlock(registry, Project(project), CreditStatus.Retired, t.Year(vintage), quantity.Value, range, t.Date(date, false), null, t.Text(user), t.Text(destination), null, t.Provenance));
            }
        }
    }

    /// <summary>
    /// CAD Trust: <c>projects.json</c>, <c>projectLocations.json</c>, <c>issuances.json</c> and <c>units.json</c>, joined as CAD Trust joins
    /// them (locations and issuances by <c>warehouseProjectId</c>, units by <c>issuanceId</c> or their embedded issuance).
    /// </summary>
    public static void Cadt(Func<string, RegistryRows?> open, Parts parts)
    {
        const string registry = CarbonRegistries.Cadt;
        var countries = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (open("projectLocations.json") is { } l)
        {
            int wid = l.Require("warehouseProjectId"), country = l.Require("country");
            for (var r = 1; r <= l.Count; r++)
            {
                l.MoveTo(r);
                if (l.Text(wid) is { } w && l.Text(country) is { } c)
                {
                    if (!countries.TryGetValue(w, out var list))
                    {
                        countries[w] = list = [];
                    }

                    if (!list.Contains(c, StringComparer.OrdinalIgnoreCase))
                    {
                        list.Add(c);
                    }
                }
            }
        }

        var projects = new Dictionary<string, CarbonProject>(StringComparer.Ordinal);
        if (open("projects.json") is { } p)
        {
            int wid = p.Require("warehouseProjectId"), pid = p.Require("projectId"), name = p.Optional("projectName"), origin = p.Require("registryOfOrigin");
            int sector = p.Optional("sector"), status = p.Optional("projectStatus");
            for (var r = 1; r <= p.Count; r++)
            {
                p.MoveTo(r);
                var w = RequireText(p, wid, "a CAD Trust warehouseProjectId");
                var id = RequireText(p, pid, "the project's id in its registry of origin");
                if (w is null || id is null)
                {
                    continue;
                }

                var place = countries.GetValueOrDefault(w) ?? [];
                var project = new CarbonProject(registry, id, p.Text(name), place.FirstOrDefault(), p.Text(sector), p.Text(status), p.Text(origin), p.Provenance)
                {
                    Countries = place,
                    WarehouseId = w,
                };
                projects[w] = project;
                parts.Projects.Add(project);
            }
        }

        var issuanceProject = new Dictionary<string, string>(StringComparer.Ordinal);
        var issuanceRows = new List<(string Id, CarbonIssuance Issuance)>();
        if (open("issuances.json") is { } i)
        {
            int id = i.Require("id"), wid = i.Require("warehouseProjectId"), start = i.Require("startDate"), end = i.Require("endDate");
            for (var r = 1; r <= i.Count; r++)
            {
                i.MoveTo(r);
                var iid = RequireText(i, id, "a CAD Trust issuance id");
                var w = RequireText(i, wid, "a CAD Trust warehouseProjectId");
                if (iid is null || w is null)
                {
                    continue;
                }

                if (!projects.ContainsKey(w))
                {
                    i.Problem(wid, "expected the warehouseProjectId of a project in projects.json; the issuance is kept under this id", ProblemSeverity.Warning);
                }

                issuanceProject[iid] = w;
                var projectId = projects.TryGetValue(w, out var known) ? known.ProjectId : w;
                issuanceRows.Add((iid, new CarbonIssuance(registry, projectId, null, 0, null, i.Date(start, true), i.Date(end, true), i.Provenance) { WarehouseProjectId = w }));
            }
        }

        var unitCounts = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (open("units.json") is { } u)
        {
            int block = u.Require("serialNumberBlock"), pattern = u.Optional("serialNumberPattern"), count = u.Optional("unitCount"), status = u.Require("unitStatus");
            int issuance = u.Optional("issuanceId"), embedded = u.Optional("issuance.warehouseProjectId"), vintage = u.Optional("vintageYear"), owner = u.Optional("unitOwner");
            int reason = u.Optional("unitStatusReason"), updated = u.Optional("updatedAt");
            for (var r = 1; r <= u.Count; r++)
            {
                u.MoveTo(r);
                var range = ReadSerial(u, block, text => SerialParser.Cadt(text, u.Text(pattern)), "a serial block matching the unit's serialNumberPattern, such as ABC1000-ABC1010");
                var quantity = count >= 0 && u.Text(count) is not null ? u.Quantity(count, required: true) : range?.Count;
                var statusText = u.Text(status);
                var kind = statusText?.ToUpperInvariant() switch
                {
                    "HELD" => CreditStatus.Held,
                    "BUFFER" => CreditStatus.Buffer,
                    "RETIRED" => CreditStatus.Retired,
                    "CANCELLED" or "CANCELED" => CreditStatus.Cancelled,
                    _ => (CreditStatus?)null,
                };
                if (kind is null)
                {
                    u.Problem(status, "expected a unitStatus of Held, Buffer, Retired or Cancelled; the unit is counted as held", ProblemSeverity.Warning);
                }

                if (quantity is null)
                {
                    continue;
                }

                if (range is not null && quantity != range.Count)
                {
                    u.Problem(count, FormattableString.Invariant($"expected unitCount to equal the {range.Count} serials of the block"), ProblemSeverity.Warning);
                }

                var w = u.Text(issuance) is { } iid && issuanceProject.TryGetValue(iid, out var wp) ? wp : u.Text(embedded);
                if (u.Text(issuance) is { } counted)
                {
                    unitCounts[counted] = unitCounts.GetValueOrDefault(counted) + quantity.Value;
                }

                var project = w is not null && projects.TryGetValue(w, out var known) ? known : null;
                parts.Blocks.Add(new CreditBlock(registry, project?.ProjectId ?? w ?? "(no project)", kind ?? CreditStatus.Held, u.Year(vintage), quantity.Value, range,
                    u.Date(updated, false), u.Text(owner), null, u.Text(reason), null, u.Provenance)
                {
                    OriginRegistry = CarbonRegistries.FromCadtName(project?.OriginRegistry) ?? registry,
                });
            }
        }

        parts.Issuances.AddRange(issuanceRows.Select(x => x.Issuance with { Quantity = unitCounts.GetValueOrDefault(x.Id) }));
    }

    private static void ReadProjects(RegistryRows p, string registry, string idText, string[] id, string[] name, string[] country, string[] sector, string[] status, Parts parts)
    {
        int pid = p.Require(id), n = p.Optional(name), c = p.Optional(country), s = p.Optional(sector), st = p.Optional(status);
        for (var r = 1; r <= p.Count; r++)
        {
            p.MoveTo(r);
            if (RequireText(p, pid, idText) is { } project)
            {
                parts.Projects.Add(new CarbonProject(registry, project, p.Text(n), p.Text(c), p.Text(s), p.Text(st), registry, p.Provenance));
            }
        }
    }

    private static string? RequireText(RegistryRows rows, int column, string expected)
    {
        var text = rows.Text(column);
        if (text is null)
        {
            rows.Problem(column, $"expected {expected}; the row is not loaded", ProblemSeverity.Invalid);
        }

        return text;
    }

    private static SerialRange? ReadSerial(RegistryRows rows, int column, Func<string, SerialRange?> parse, string expected)
    {
        var text = rows.Text(column);
        if (text is null)
        {
            rows.Problem(column, $"expected {expected}; the block is loaded without serials", ProblemSeverity.Warning);
            return null;
        }

        var range = parse(text);
        if (range is null)
        {
            rows.Problem(column, $"expected {expected}; the block is loaded without serials", ProblemSeverity.Warning);
        }

        return range;
    }

    private static void CheckCount(RegistryRows rows, int column, SerialRange? range, decimal quantity)
    {
        if (range is not null && range.Count != quantity)
        {
            rows.Problem(column, FormattableString.Invariant($"expected a block of {quantity} serials (the row's quantity), found {range.Count}"), ProblemSeverity.Warning);
        }
    }

    [GeneratedRegex(@"'country':\s*'([^']+)'")]
    private static partial Regex CercarbonoCountry();

    [GeneratedRegex(@"'description':\s*'([^']+)'")]
    private static partial Regex CercarbonoSector();

    [GeneratedRegex(@"^CDC_(\d+)_")]
    private static partial Regex CercarbonoSerialProject();

    [GeneratedRegex(@"(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})")]
    private static partial Regex CercarbonoPeriod();
}
