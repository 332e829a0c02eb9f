using System.Globalization;
using CollabInsights.Carbon.Bridge;
using CollabInsights.Domain;
using CollabInsights.Reporting;

namespace CollabInsights.Carbon;

/// <summary>The offline HTML page of <c>collab carbon report</c>: what was loaded, charts by registry, vintage and rule, every flag and every data problem.</summary>
public static class CarbonReport
{
    /// <summary>
    /// Builds the page for a loaded dataset and its flags (<see cref="CarbonRules.Check"/>) and, when given, the reconciliation of
    /// bridged tokens on chain against it (<see cref="BridgeReconciler.Reconcile"/>).
    /// </summary>
    public static HtmlReport Build(LoadResult<CarbonDataset> loaded, IReadOnlyList<CarbonFlag> flags, string title = "Carbon credits: registries and double counting", BridgeReconciliation? bridge = null)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(flags);
        var d = loaded.Value;
        var report = new HtmlReport(title);
        report.AddMarkdown(string.Create(CultureInfo.InvariantCulture,
            $"{d.Registries.Count} registries read into one model: {d.Projects.Count:N0} projects, {d.Issuances.Count:N0} issuances, {d.Blocks.Count:N0} credit blocks " +
            $"({d.Blocks.Count(b => b.Serial is not null):N0} with serial numbers). {flags.Count:N0} double-counting flag(s); {loaded.Problems.Count:N0} data problem(s)."));
        report.AddTable(d.Registries.Select(r => new
        {
            registry = r,
            projects = d.Projects.Count(p => p.Registry == r),
            issuances = d.Issuances.Count(i => i.Registry == r),
            blocks = d.Blocks.Count(b => b.Registry == r),
            tonnes_issued = d.Issuances.Where(i => i.Registry == r).Sum(i => i.Quantity),
            tonnes_retired = d.Blocks.Where(b => b.Registry == r && b.IsRetiredOrCancelled).Sum(b => b.Quantity),
        }), "What was loaded", previewRows: 50);
        report.AddHeading("By registry");
        report.AddChart(CarbonCharts.CreditsByRegistry(d));
        report.AddHeading("By vintage");
        report.AddChart(CarbonCharts.RetiredByVintage(d));
        report.AddHeading("By rule");
        report.AddChart(CarbonCharts.FlagsByRule(flags));
        report.AddTable(CarbonFlagKinds.All.Select(k => new { rule = k, flags = flags.Count(f => f.Kind == k), checks = CarbonFlagKinds.Describe(k) }), "The rules", previewRows: 20);
        report.AddHeading("Flags");
        if (flags.Count == 0)
        {
            report.AddMarkdown("No rule fired.");
        }
        else
        {
            report.AddTable(flags, previewRows: 500);
        }

        if (bridge is not null)
        {
            report.AddHeading("Bridged tokens on chain");
            report.AddMarkdown(string.Create(CultureInfo.InvariantCulture,
                $"{bridge.Batches:N0} token batches minted, {bridge.BatchesBacked:N0} backed by exactly one bridge-tagged registry retirement of the same serials and quantity; " +
                $"{bridge.TaggedRetirements:N0} tagged registry retirements; {bridge.TokenRetirements:N0} token retirements; {bridge.Flags.Count:N0} flag(s)."));
            report.AddTable(bridge.Counts.Select(c => new { kind = c.Key, flags = c.Value }), "Chain against registry, by rule", previewRows: 20);
            if (bridge.Flags.Count > 0)
            {
                report.AddTable(bridge.Flags, previewRows: 500);
            }
        }

        report.AddHeading("Data problems");
        if (loaded.Problems.Count == 0)
        {
            report.AddMarkdown("None: every cell read as expected.");
        }
        else
        {
            report.AddTable(loaded.Problems.Select(p => new { p.File, p.Row, p.Column, p.Value, p.Message, severity = p.Severity.ToString().ToLowerInvariant() }), previewRows: 500);
        }

        return report;
    }
}
