using CollabInsights.Domain;

namespace CollabInsights.Linking;

/// <summary>
/// Links each funding source to the outcomes it paid for: per project, funder, outcome metric and currency,
/// what was committed, paid and planned, what the metric achieved, what each outcome cost, and which input
/// rows every figure comes from.
/// </summary>
/// <remarks>
/// <para><b>Who is the funder of a payment.</b> The payer cell names it: one organisation, or several
/// comma-separated organisations paying jointly (kept together as one funder, never split, because the
/// data does not say how they shared it). When the payer cell is empty (INDIGO leaves it empty on some rows),
/// the payment goes to the project's outcome fund if the project belongs to exactly one fund; otherwise to the
/// one organisation that committed money to the project if there is exactly one; otherwise to
/// <c>(unattributed)</c>. A commitment that names no organisation follows the same rule. The rule used is
/// written on every row (<see cref="FundingLink.Attribution"/>).</para>
/// <para><b>Currencies.</b> Every figure is in one currency: rows are keyed by currency and amounts in
/// different currencies are never added. The USD figures are the conversions the data itself gives; a USD sum
/// is given only when every row in it has a USD amount, otherwise it is empty.</para>
/// <para><b>Outcomes achieved</b> for a metric: the sum of its results of type Final when there is one (Final
/// results usually restate the whole period), else the sum of all its results. They belong to the metric, not
/// to a funder: a funder's cost per outcome is what it paid divided by the metric's outcomes, so the funders'
/// costs per outcome of one metric add up to the metric's cost per outcome.</para>
/// <para><b>Commitments</b> are made per project, not per metric: they appear on <see cref="FunderProjectLink"/>,
/// with the share of the commitment paid. Per metric, the cap (maximum price if all targets are met) plays
/// that role (<see cref="FundingLink.ShareOfCapPaid"/>). A commitment without an amount still shows that the funder
/// committed to the project, in the project's currency; when no currency is known at all it is listed apart, in
/// <see cref="FundingLinkResult.WithoutCurrency"/>, never under a made-up currency.</para>
/// <para><b>Planned versus actual.</b> Planned payments are summed over all periods and over the periods due by
/// the as-of date (<see cref="FundingLinkOptions.AsOf"/>). Payment rows of unspecified type, or without an amount
/// or currency, are listed in <see cref="FundingLinkResult.Excluded"/>.</para>
/// </remarks>
public static class FundingLinker
{
    /// <summary>Funder id of rows that could not be attributed.</summary>
    public const string UnattributedId = "(unattributed)";

    /// <summary>Links <paramref name="dataset"/>; pure and deterministic (rows sorted by project, funder, metric, currency).</summary>
    public static FundingLinkResult Link(CollabDataset dataset, FundingLinkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        options ??= FundingLinkOptions.Default;
        var target = options.ConvertTo;
        if (target is not null && (options.ExchangeRates is null || !Iso4217.IsKnown(target)))
        {
            throw new CollabInsightsException(
                CollabInsightsErrorCode.InvalidArgument,
                options.ExchangeRates is null
                    ? $"Converting to {target} needs a rate table: set FundingLinkOptions.ExchangeRates (for example OffChain.ImfExchangeRates.Pinned)."
                    : $"'{target}' is not an ISO 4217 currency code; give one such as USD, GBP or EUR to convert to.",
                options.ExchangeRates is null ? "FundingLinkOptions.ExchangeRates" : "FundingLinkOptions.ConvertTo");
        }

        var run = new LinkRun(dataset, options);
        run.AddPayments();
        run.AddCommitments();
        return new FundingLinkResult(run.MetricLinks(), run.FunderLinks(), run.Excluded, run.AsOf == DateOnly.MaxValue ? null : run.AsOf)
        {
            WithoutCurrency = run.WithoutCurrency,
            ConvertedTo = target,
            ConversionSource = target is null ? null : options.ExchangeRates!.Source,
        };
    }

    // One linking pass: the dataset's lookups, the as-of date, who funds each row, and the two groupings (metric
    // grain and funder-by-project grain) that payments and commitments are added to.
    private sealed class LinkRun
    {
        private readonly CollabDataset _dataset;
        private readonly FundingLinkOptions _options;
        private readonly Dictionary<string, Organisation> _organisations;
        private readonly Dictionary<string, OutcomeFund> _funds;
        private readonly Dictionary<string, Project> _projects;
        private readonly Dictionary<string, List<ProjectOutcomeFund>> _projectFunds;
        private readonly Dictionary<string, List<string>> _committedOrgs;
        private readonly Dictionary<(string, string), OutcomeMetric> _metrics;
        private readonly Dictionary<(string, string), List<OutcomePricing>> _pricings;
        private readonly Dictionary<(string, string), List<OutcomeResult>> _results;
        private readonly SortedDictionary<(string Project, string Funder, string Metric, string Currency), MetricAccumulator> _metricGroups = new(KeyComparer.Instance);
        private readonly SortedDictionary<(string Project, string Funder, string Metric, string Currency), FunderAccumulator> _funderGroups = new(KeyComparer.Instance);

        public LinkRun(CollabDataset dataset, FundingLinkOptions options)
        {
            _dataset = dataset;
            _options = options;
            _organisations = dataset.Organisations.GroupBy(o => o.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _funds = dataset.Funds.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _projects = dataset.Projects.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _projectFunds = dataset.ProjectFunds.GroupBy(pf => pf.ProjectId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.GroupBy(pf => pf.FundId, StringComparer.Ordinal).Select(x => x.First()).ToList(), StringComparer.Ordinal);
            _committedOrgs = dataset.Commitments.Where(c => !string.IsNullOrWhiteSpace(c.OrganisationId))
                .GroupBy(c => c.ProjectId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(c => NormaliseIds(c.OrganisationId!)).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            _metrics = dataset.Metrics.GroupBy(m => (m.ProjectId, m.Id)).ToDictionary(g => g.Key, g => g.First());
            _pricings = dataset.Pricings.Where(p => p.MetricId is not null).GroupBy(p => (p.ProjectId, p.MetricId!)).ToDictionary(g => g.Key, g => g.ToList());
            _results = dataset.Results.Where(r => r.MetricId is not null).GroupBy(r => (r.ProjectId, r.MetricId!)).ToDictionary(g => g.Key, g => g.ToList());
            AsOf = options.AsOf ?? dataset.Payments
                .Where(p => p.Type == PaymentType.Actual && p.PeriodEnd is not null)
                .Select(p => p.PeriodEnd!.Value.LastDay)
                .DefaultIfEmpty(DateOnly.MaxValue)
                .Max();
        }

        /// <summary>The as-of date of "planned due" (<see cref="DateOnly.MaxValue"/> when no actual payment has a period end).</summary>
        public DateOnly AsOf { get; }

        public List<LinkExclusion> Excluded { get; } = [];

        public List<RowWithoutCurrency> WithoutCurrency { get; } = [];

        /// <summary>Adds each usable payment to its metric row and its funder row; lists the unusable ones in <see cref="Excluded"/>.</summary>
        public void AddPayments()
        {
            foreach (var payment in _dataset.Payments)
            {
                var where = payment.Provenance.Describe();
                if (payment.Type == PaymentType.Unspecified)
                {
                    Excluded.Add(new LinkExclusion(where, "payment type is neither Planned nor Actual"));
                    continue;
                }

                if (payment.Amount is not { } amount || string.IsNullOrWhiteSpace(amount.Currency))
                {
                    Excluded.Add(new LinkExclusion(where, "payment has no usable amount and currency"));
                    continue;
                }

                var funder = Resolve(payment.ProjectId, payment.PayerId);
                var metricKey = (payment.ProjectId, funder.Id, payment.MetricId ?? string.Empty, amount.Currency);
                if (!_metricGroups.TryGetValue(metricKey, out var m))
                {
                    m = new MetricAccumulator(payment.ProjectId, funder, payment.MetricId, amount.Currency);
                    _metricGroups.Add(metricKey, m);
                }

                var f = FunderRow(payment.ProjectId, funder, amount.Currency);
                var due = payment.PeriodEnd is { } end ? end.LastDay <= AsOf : payment.PeriodStart is { } start && start.LastDay <= AsOf;
                var converted = Convert(amount.Amount, amount.Currency, payment.PeriodStart, payment.PeriodEnd);
                m.Add(payment, amount.Amount, due, converted);
                f.Add(payment, amount.Amount, due, converted);
            }
        }

        /// <summary>Adds each commitment to its funder row, in its own currency or the project's; lists those with no currency in <see cref="WithoutCurrency"/>.</summary>
        public void AddCommitments()
        {
            foreach (var commitment in _dataset.Commitments)
            {
                var funder = Resolve(commitment.ProjectId, commitment.OrganisationId);
                var currency = commitment.MaxPotentialPayment?.Currency
                    ?? commitment.TotalPaymentsMade?.Currency
                    ?? (_projects.TryGetValue(commitment.ProjectId, out var p) ? p.MaxOutcomePayment?.Currency : null);
                if (currency is null)
                {
                    WithoutCurrency.Add(new RowWithoutCurrency(
                        commitment.ProjectId, _projects.GetValueOrDefault(commitment.ProjectId)?.Name, funder.Id, funder.Name, "commitment",
                        "the commitment gives no amount and no currency, and the project gives no currency",
                        commitment.Provenance.Describe()));
                    continue;
                }

                FunderRow(commitment.ProjectId, funder, currency).AddCommitment(
                    commitment,
                    commitment.MaxPotentialPayment is { } max ? Convert(max.Amount, max.Currency, commitment.PeriodStart, commitment.PeriodEnd) : null);
            }
        }

        /// <summary>The metric-grain rows: each group's sums with the metric's price, cap and outcomes achieved.</summary>
        public List<FundingLink> MetricLinks() => _metricGroups.Values.Select(MetricLink).ToList();

        /// <summary>The funder-by-project rows: each group's sums against what was committed.</summary>
        public List<FunderProjectLink> FunderLinks() => _funderGroups.Values.Select(FunderLink).ToList();

        private FundingLink MetricLink(MetricAccumulator m)
        {
            _projects.TryGetValue(m.ProjectId, out var project);
            OutcomeMetric? metric = null;
            decimal? price = null, cap = null, outcomes = null;
            var provenance = new List<string>(m.Provenance);
            if (m.MetricId is not null)
            {
                if (_metrics.TryGetValue((m.ProjectId, m.MetricId), out metric))
                {
                    provenance.Add(metric.Provenance.Describe());
                }

                (price, cap) = PriceAndCap(m, provenance);
                outcomes = OutcomesAchieved(m, provenance);
            }

            var target = _options.ConvertTo;
            return new FundingLink(
                m.ProjectId, project?.Name, metric?.PolicySector ?? project?.PolicySector,
                m.Funder.Id, m.Funder.Name, m.Funder.Kind, m.Funder.Attribution,
                m.MetricId, metric?.Definition, m.Currency,
                price, cap,
                m.Actual, m.ActualUsd, m.Planned, m.PlannedDue, m.Actual - m.PlannedDue,
                outcomes,
                Divide(m.Actual, outcomes, _options.MoneyDecimals),
                Divide(m.ActualUsd, outcomes, _options.MoneyDecimals),
                Divide(m.Actual, cap, _options.ShareDecimals),
                m.Rows,
                SortProvenance(provenance))
            {
                ConvertedTo = target,
                PaidActualConverted = target is null ? null : m.ActualConverted,
                PlannedDueConverted = target is null ? null : m.PlannedDueConverted,
                Conversion = target is null ? null : m.ConversionText(target),
            };
        }

        // The first price per outcome in the row's currency and the sum of the caps in it, over the metric's pricing rows.
        private (decimal? Price, decimal? Cap) PriceAndCap(MetricAccumulator m, List<string> provenance)
        {
            decimal? price = null, cap = null;
            foreach (var pricing in _pricings.GetValueOrDefault((m.ProjectId, m.MetricId!)) ?? [])
            {
                if (pricing.PricePerUnit?.Currency == m.Currency)
                {
                    price ??= pricing.PricePerUnit.Value.Amount;
                    provenance.Add(pricing.Provenance.Describe());
                }

                if (pricing.MaximumPrice?.Currency == m.Currency)
                {
                    cap = (cap ?? 0m) + pricing.MaximumPrice.Value.Amount;
                    if (pricing.PricePerUnit?.Currency != m.Currency)
                    {
                        provenance.Add(pricing.Provenance.Describe());
                    }
                }
            }

            return (price, cap);
        }

        // The metric's Final results when it has any, else all its results; null when none gives a count.
        private decimal? OutcomesAchieved(MetricAccumulator m, List<string> provenance)
        {
            var rows = _results.GetValueOrDefault((m.ProjectId, m.MetricId!)) ?? [];
            var finals = rows.Where(r => string.Equals(r.ResultType?.Trim(), "Final", StringComparison.OrdinalIgnoreCase) && r.OutcomesAchieved is not null).ToList();
            var used = (finals.Count > 0 ? finals : rows.Where(r => r.OutcomesAchieved is not null)).ToList();
            if (used.Count == 0)
            {
                return null;
            }

            provenance.AddRange(used.Select(r => r.Provenance.Describe()));
            return used.Sum(r => r.OutcomesAchieved!.Value);
        }

        private FunderProjectLink FunderLink(FunderAccumulator f)
        {
            _projects.TryGetValue(f.ProjectId, out var project);
            var target = _options.ConvertTo;
            return new FunderProjectLink(
                f.ProjectId, project?.Name, project?.PolicySector,
                f.Funder.Id, f.Funder.Name, f.Funder.Kind, f.Funder.Attribution, f.Currency,
                f.Committed, f.CommittedUsd,
                f.Actual, f.ActualUsd, f.Planned, f.PlannedDue, f.Actual - f.PlannedDue,
                Divide(f.Actual, f.Committed, _options.ShareDecimals),
                f.ReportedPaid,
                SortProvenance(f.Provenance))
            {
                ConvertedTo = target,
                MaxCommittedConverted = target is null ? null : f.CommittedConverted,
                PaidActualConverted = target is null ? null : f.ActualConverted,
                PlannedDueConverted = target is null ? null : f.PlannedDueConverted,
                Conversion = target is null ? null : f.ConversionText(target),
            };
        }

        private CurrencyConversion? Convert(decimal amount, string currency, PartialDate? start, PartialDate? end)
        {
            if (_options.ConvertTo is not { } target || (end ?? start) is not { } period)
            {
                return null;
            }

            return _options.ExchangeRates!.TryConvert(amount, currency, target, period.Year, out var c, out _) ? c : null;
        }

        // The funder of a row: the named payer(s), else the project's only outcome fund, else its only committed payer, else unattributed.
        private Funder Resolve(string projectId, string? orgField)
        {
            if (!string.IsNullOrWhiteSpace(orgField))
            {
                var ids = NormaliseIds(orgField);
                var parts = ids.Split(',');
                var names = string.Join(" + ", parts.Select(id => _organisations.TryGetValue(id, out var o) ? o.Name : id));
                return parts.Length == 1
                    ? new Funder(ids, names, FunderKind.Organisation, "named payer")
                    : new Funder(ids, names, FunderKind.JointOrganisations, "named joint payers (not split)");
            }

            var fundsOfProject = _projectFunds.GetValueOrDefault(projectId) ?? [];
            if (fundsOfProject.Count == 1)
            {
                var fundId = fundsOfProject[0].FundId;
                return new Funder(fundId, _funds.TryGetValue(fundId, out var f) ? f.Name : fundId, FunderKind.OutcomeFund, "payer empty: the project's only outcome fund");
            }

            var orgs = _committedOrgs.GetValueOrDefault(projectId) ?? [];
            if (fundsOfProject.Count == 0 && orgs.Count == 1)
            {
                var resolved = Resolve(projectId, orgs[0]);
                return resolved with { Attribution = "payer empty: the project's only committed outcome payer" };
            }

            return new Funder(UnattributedId, "Unattributed", FunderKind.Unattributed,
                $"payer empty: project has {fundsOfProject.Count} outcome funds and {orgs.Count} committed payers");
        }

        private FunderAccumulator FunderRow(string projectId, Funder funder, string currency)
        {
            var key = (projectId, funder.Id, string.Empty, currency);
            if (!_funderGroups.TryGetValue(key, out var acc))
            {
                acc = new FunderAccumulator(projectId, funder, currency);
                _funderGroups.Add(key, acc);
                foreach (var pf in _projectFunds.GetValueOrDefault(projectId) ?? [])
                {
                    if (funder.Kind == FunderKind.OutcomeFund && pf.FundId == funder.Id)
                    {
                        acc.Provenance.Add(pf.Provenance.Describe());
                    }
                }
            }

            return acc;
        }
    }

    private static decimal? Divide(decimal? numerator, decimal? denominator, int decimals) =>
        numerator is { } n && denominator is { } d && d != 0m ? Math.Round(n / d, decimals, MidpointRounding.AwayFromZero) : null;

    private static string NormaliseIds(string field) =>
        string.Join(',', field.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    private static IReadOnlyList<string> SortProvenance(IEnumerable<string> items) =>
        items.Distinct(StringComparer.Ordinal).OrderBy(s => s, ProvenanceComparer.Instance).ToList();

    private sealed record Funder(string Id, string Name, FunderKind Kind, string Attribution);

    private class Accumulator(string projectId, Funder funder, string currency)
    {
        private bool _usdComplete = true;

        public string ProjectId { get; } = projectId;

        public Funder Funder { get; } = funder;

        public string Currency { get; } = currency;

        public decimal Actual { get; private set; }

        public decimal? ActualUsd => _usdComplete && HasActual ? _actualUsd : null;

        public decimal Planned { get; private set; }

        public decimal PlannedDue { get; private set; }

        public int Rows { get; private set; }

        public List<string> Provenance { get; } = [];

        private bool HasActual { get; set; }

        private decimal _actualUsd;

        private bool _convertedComplete = true;

        private decimal _actualConverted;

        private decimal _plannedDueConverted;

        private readonly SortedSet<string> _rates = new(StringComparer.Ordinal);

        public decimal? ActualConverted => _convertedComplete ? _actualConverted : null;

        public decimal? PlannedDueConverted => _convertedComplete ? _plannedDueConverted : null;

        protected void AddRate(CurrencyConversion c)
        {
            if (c.IsConverted)
            {
                _rates.Add(c.Describe());
                Provenance.AddRange(c.Provenance);
            }
        }

        public string ConversionText(string target) =>
            Currency == target ? "not converted: already " + target
            : _rates.Count == 0 ? "nothing converted"
            : (_convertedComplete ? "converted " : "partly converted (rows without a period or a rate) ") + Currency + " to " + target + " at annual average rates " + string.Join(", ", _rates);

        public void Add(OutcomePayment payment, decimal amount, bool due, CurrencyConversion? converted)
        {
            Rows++;
            Provenance.Add(payment.Provenance.Describe());
            if (converted is not null)
            {
                AddRate(converted);
                if (payment.Type == PaymentType.Actual)
                {
                    _actualConverted += converted.Amount;
                }
                else if (due)
                {
                    _plannedDueConverted += converted.Amount;
                }
            }
            else if (payment.Type == PaymentType.Actual || due)
            {
                _convertedComplete = false;
            }

            if (payment.Type == PaymentType.Actual)
            {
                HasActual = true;
                Actual += amount;
                if (payment.AmountUsd is { } usd)
                {
                    _actualUsd += usd;
                }
                else
                {
                    _usdComplete = false;
                }
            }
            else
            {
                Planned += amount;
                if (due)
                {
                    PlannedDue += amount;
                }
            }
        }
    }

    private sealed class MetricAccumulator(string projectId, Funder funder, string? metricId, string currency) : Accumulator(projectId, funder, currency)
    {
        public string? MetricId { get; } = metricId;
    }

    private sealed class FunderAccumulator(string projectId, Funder funder, string currency) : Accumulator(projectId, funder, currency)
    {
        private bool _committedUsdComplete = true;
        private decimal _committedUsd;

        public decimal? Committed { get; private set; }

        public decimal? CommittedUsd => Committed is not null && _committedUsdComplete ? _committedUsd : null;

        public decimal? ReportedPaid { get; private set; }

        private bool _committedConvertedComplete = true;

        private decimal? _committedConverted;

        public decimal? CommittedConverted => _committedConvertedComplete ? _committedConverted : null;

        public void AddCommitment(FundingCommitment c, CurrencyConversion? converted)
        {
            Provenance.Add(c.Provenance.Describe());
            if (c.MaxPotentialPayment is { } max && max.Currency == Currency)
            {
                Committed = (Committed ?? 0m) + max.Amount;
                if (converted is not null)
                {
                    AddRate(converted);
                    _committedConverted = (_committedConverted ?? 0m) + converted.Amount;
                }
                else
                {
                    _committedConvertedComplete = false;
                }

                if (c.MaxPotentialPaymentUsd is { } usd)
                {
                    _committedUsd += usd;
                }
                else
                {
                    _committedUsdComplete = false;
                }
            }

            if (c.TotalPaymentsMade is { } made && made.Currency == Currency)
            {
                ReportedPaid = (ReportedPaid ?? 0m) + made.Amount;
            }
        }
    }

    private sealed class KeyComparer : IComparer<(string Project, string Funder, string Metric, string Currency)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((string Project, string Funder, string Metric, string Currency) x, (string Project, string Funder, string Metric, string Currency) y)
        {
            var c = string.CompareOrdinal(x.Project, y.Project);
            if (c == 0)
            {
                c = string.CompareOrdinal(x.Funder, y.Funder);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(x.Metric, y.Metric);
            }

            return c != 0 ? c : string.CompareOrdinal(x.Currency, y.Currency);
        }
    }

    // Orders "file:row" by file, then by row as a number (so projects.csv:9 comes before projects.csv:10).
    private sealed class ProvenanceComparer : IComparer<string>
    {
        public static readonly ProvenanceComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var (fx, rx) = Split(x ?? string.Empty);
            var (fy, ry) = Split(y ?? string.Empty);
            var c = string.CompareOrdinal(fx, fy);
            return c != 0 ? c : rx != ry ? rx.CompareTo(ry) : string.CompareOrdinal(x, y);
        }

        private static (string File, long Row) Split(string s)
        {
            var i = s.LastIndexOf(':');
            return i > 0 && long.TryParse(s.AsSpan(i + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row)
                ? (s[..i], row)
                : (s, -1);
        }
    }
}
