using CollabInsights.Domain;
using static CollabInsights.OffChain.IndigoLayout;

namespace CollabInsights.OffChain.Internal;

/// <summary>Turns the parsed INDIGO files into records following the rules documented on <see cref="IndigoSource"/>.</summary>
internal sealed class IndigoLoader
{
    private readonly IndigoFileSet _files;
    private readonly IndigoLoadOptions _options;
    private readonly IProgress<IndigoLoadProgress>? _progress;
    private readonly CancellationToken _ct;
    private readonly List<DataProblem> _problems = [];
    private HashSet<string> _organisationIds = new(StringComparer.Ordinal);
    private HashSet<string> _projectIds = new(StringComparer.Ordinal);
    private HashSet<string> _fundIds = new(StringComparer.Ordinal);
    private int _done;

    public IndigoLoader(IndigoFileSet files, IndigoLoadOptions options, IProgress<IndigoLoadProgress>? progress, CancellationToken ct)
    {
        _files = files;
        _options = options;
        _progress = progress;
        _ct = ct;
    }

    private HashSet<string>? OrgCheck => _options.CheckReferences ? _organisationIds : null;

    public LoadResult<CollabDataset> Run()
    {
        var organisations = LoadOrganisations();
        var funds = LoadFunds();
        var projects = LoadProjects();
        var projectFunds = LoadProjectFunds();
        var commitments = LoadCommitments();
        var investments = LoadInvestments();
        var metrics = LoadMetrics();
        var pricings = LoadPricings();
        var results = LoadResults();
        var payments = LoadPayments();
        var dataset = new CollabDataset(organisations, projects, funds, projectFunds, commitments, investments, metrics, pricings, results, payments);
        return new LoadResult<CollabDataset>(dataset, _problems);
    }

    /// <summary>
    /// Reads every row of <paramref name="file"/>: <paramref name="bind"/> looks the columns up once and returns the
    /// per-row reader, which returns the record or null when the row is skipped (its problems already reported).
    /// </summary>
    private List<T> ReadRows<T>(string file, Func<IndigoRowReader, Func<T?>> bind)
        where T : class
    {
        _ct.ThrowIfCancellationRequested();
        var r = new IndigoRowReader(CsvTable.Parse(file, _files.Get(file)), RequiredColumns[file], _problems);
        var readRow = bind(r);
        var list = new List<T>(r.Count);
        for (var row = 1; row <= r.Count; row++)
        {
            r.MoveTo(row);
            if (readRow() is { } record)
            {
                list.Add(record);
            }
        }

        _progress?.Report(new IndigoLoadProgress(file, ++_done, LoadedFiles.Count));
        return list;
    }

    /// <summary>Like <see cref="ReadRows{T}"/> for the files whose rows belong to a project: rows without a known project are skipped first.</summary>
    private List<T> ReadProjectRows<T>(string file, string projectColumn, Func<IndigoRowReader, Func<string, T?>> bind)
        where T : class =>
        ReadRows<T>(file, r =>
        {
            var cProject = r.Column(projectColumn);
            var readRow = bind(r);
            return () => ProjectRef(r, cProject) is { } project ? readRow(project) : null;
        });

    /// <summary>Reads a required unique id; reports and returns null when missing or seen before.</summary>
    private static string? UniqueId(IndigoRowReader r, int column, Dictionary<string, int> seen, string what)
    {
        var id = r.Text(column);
        if (id is null)
        {
            r.Invalid(column, $"missing {what} id: the row is skipped");
            return null;
        }

        if (!seen.TryAdd(id, r.Row))
        {
            r.Invalid(column, $"duplicate {what} id (first at row {seen[id]}): the row is skipped");
            return null;
        }

        return id;
    }

    /// <summary>Reads the required project reference of a child row; reports and returns null when missing or unknown.</summary>
    private string? ProjectRef(IndigoRowReader r, int column)
    {
        var id = r.Text(column);
        if (id is null)
        {
            r.Invalid(column, "missing project id: the row is skipped");
            return null;
        }

        if (_options.CheckReferences && !_projectIds.Contains(id))
        {
            r.Invalid(column, $"reference to a project that does not exist in {Projects}: the row is skipped");
            return null;
        }

        return id;
    }

    /// <summary>An amount in its own currency column plus its USD conversion column (problems reported in that order).</summary>
    private static (Money? Amount, decimal? Usd) Amounts(IndigoRowReader r, int currencyColumn, int amountColumn, int usdColumn)
    {
        var currency = r.Currency(currencyColumn, out var currencyEmpty);
        return (r.Money(amountColumn, currency, currencyEmpty), r.Usd(usdColumn));
    }

    private List<Organisation> LoadOrganisations()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = ReadRows<Organisation>(Organisations, r =>
        {
            int cId = r.Column(OrganisationColumns.Id), cName = r.Column(OrganisationColumns.Name), cType = r.Column(OrganisationColumns.Type), cCountry = r.Column(OrganisationColumns.Country);
            return () => UniqueId(r, cId, seen, "organisation") is { } id
                ? new Organisation(id, r.TextOrEmpty(cName), r.Text(cType), r.Text(cCountry), r.Provenance)
                : null;
        });
        _organisationIds = new HashSet<string>(seen.Keys, StringComparer.Ordinal);
        return list;
    }

    private List<OutcomeFund> LoadFunds()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = ReadRows<OutcomeFund>(Funds, r =>
        {
            int cId = r.Column(FundColumns.Id), cName = r.Column(FundColumns.Name), cStage = r.Column(FundColumns.Stage), cCountry = r.Column(FundColumns.Country);
            int cCur = r.Column(FundColumns.Currency), cAmount = r.Column(FundColumns.ActualAmount), cUsd = r.Column(FundColumns.ActualAmountUsd);
            return () =>
            {
                if (UniqueId(r, cId, seen, "fund") is not { } id)
                {
                    return null;
                }

                var (name, stage, country) = (r.TextOrEmpty(cName), r.Text(cStage), r.Text(cCountry));
                var (actual, actualUsd) = Amounts(r, cCur, cAmount, cUsd);
                return new OutcomeFund(id, name, stage, country, actual, actualUsd, r.Provenance);
            };
        });
        _fundIds = new HashSet<string>(seen.Keys, StringComparer.Ordinal);
        return list;
    }

    private List<Project> LoadProjects()
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = ReadRows<Project>(Projects, r =>
        {
            int cId = r.Column(ProjectColumns.Id), cName = r.Column(ProjectColumns.Name), cStage = r.Column(ProjectColumns.Stage);
            int cJur = r.Column(ProjectColumns.Jurisdiction), cSector = r.Column(ProjectColumns.PolicySector);
            int cSigned = r.Column(ProjectColumns.OutcomesContractSigned), cStart = r.Column(ProjectColumns.ServiceStart), cEnd = r.Column(ProjectColumns.ServiceEnd);
            int cMaxCur = r.Column(ProjectColumns.MaxOutcomePaymentCurrency), cMax = r.Column(ProjectColumns.MaxOutcomePaymentAmount), cMaxUsd = r.Column(ProjectColumns.MaxOutcomePaymentUsd);
            int cInvCur = r.Column(ProjectColumns.InvestmentCurrency), cInv = r.Column(ProjectColumns.InvestmentAmount), cInvUsd = r.Column(ProjectColumns.InvestmentUsd);
            int cTarget = r.Column(ProjectColumns.TargetedServiceUsers), cActual = r.Column(ProjectColumns.ActualServiceUsers);
            return () =>
            {
                if (UniqueId(r, cId, seen, "project") is not { } id)
                {
                    return null;
                }

                var (name, stage, jurisdiction, sector) = (r.TextOrEmpty(cName), r.Text(cStage), r.Text(cJur), r.Text(cSector));
                var (signed, start, end) = (r.Date(cSigned), r.Date(cStart), r.Date(cEnd));
                var (max, maxUsd) = Amounts(r, cMaxCur, cMax, cMaxUsd);
                var (inv, invUsd) = Amounts(r, cInvCur, cInv, cInvUsd);
                var (target, actual) = (r.WholeNumber(cTarget), r.WholeNumber(cActual));
                return new Project(id, name, stage, jurisdiction, sector, signed, start, end, max, maxUsd, inv, invUsd, target, actual, r.Provenance);
            };
        });
        _projectIds = new HashSet<string>(seen.Keys, StringComparer.Ordinal);
        return list;
    }

    private List<ProjectOutcomeFund> LoadProjectFunds() =>
        ReadProjectRows<ProjectOutcomeFund>(ProjectOutcomeFunds, ProjectOutcomeFundColumns.ProjectId, r =>
        {
            var cFund = r.Column(ProjectOutcomeFundColumns.FundId);
            return project =>
            {
                var fund = r.Text(cFund);
                if (fund is null)
                {
                    r.Invalid(cFund, "missing fund id: the row is skipped");
                    return null;
                }

                if (_options.CheckReferences && !_fundIds.Contains(fund))
                {
                    r.Invalid(cFund, $"reference to a fund that does not exist in {Funds}: the row is skipped");
                    return null;
                }

                return new ProjectOutcomeFund(project, fund, r.Provenance);
            };
        });

    private List<FundingCommitment> LoadCommitments() =>
        ReadProjectRows<FundingCommitment>(Commitments, CommitmentColumns.ProjectId, r =>
        {
            var cOrg = r.Column(CommitmentColumns.OrganisationId);
            int cMaxCur = r.Column(CommitmentColumns.MaxCurrency), cMax = r.Column(CommitmentColumns.MaxAmount), cMaxUsd = r.Column(CommitmentColumns.MaxAmountUsd);
            int cStart = r.Column(CommitmentColumns.PeriodStart), cEnd = r.Column(CommitmentColumns.PeriodEnd);
            int cPaidCur = r.Column(CommitmentColumns.PaidCurrency), cPaid = r.Column(CommitmentColumns.PaidAmount), cPaidUsd = r.Column(CommitmentColumns.PaidAmountUsd);
            return project =>
            {
                var org = r.OrganisationRef(cOrg, OrgCheck);
                var (max, maxUsd) = Amounts(r, cMaxCur, cMax, cMaxUsd);
                var (start, end) = (r.Date(cStart), r.Date(cEnd));
                var (paid, paidUsd) = Amounts(r, cPaidCur, cPaid, cPaidUsd);
                return new FundingCommitment(project, org, OrganisationRole.OutcomePayer, max, maxUsd, start, end, paid, paidUsd, r.Provenance);
            };
        });

    private List<Investment> LoadInvestments()
    {
        var seen = new Dictionary<(string, string), int>();
        return ReadProjectRows<Investment>(Investments, InvestmentColumns.ProjectId, r =>
        {
            int cId = r.Column(InvestmentColumns.Id), cOrg = r.Column(InvestmentColumns.OrganisationId), cType = r.Column(InvestmentColumns.InvestmentType);
            int cCur = r.Column(InvestmentColumns.Currency), cAmount = r.Column(InvestmentColumns.Amount), cUsd = r.Column(InvestmentColumns.AmountUsd);
            return project =>
            {
                var id = r.Text(cId);
                if (id is not null && !seen.TryAdd((project, id), r.Row))
                {
                    r.Invalid(cId, $"duplicate investment id for project {project} (first at row {seen[(project, id)]}): the row is skipped");
                    return null;
                }

                var org = r.OrganisationRef(cOrg, OrgCheck);
                var (amount, usd) = Amounts(r, cCur, cAmount, cUsd);
                return new Investment(project, id, org, OrganisationRole.Investor, amount, usd, r.Text(cType), r.Provenance);
            };
        });
    }

    private List<OutcomeMetric> LoadMetrics()
    {
        var seen = new Dictionary<(string, string), int>();
        return ReadProjectRows<OutcomeMetric>(Metrics, MetricColumns.ProjectId, r =>
        {
            int cId = r.Column(MetricColumns.Id), cDef = r.Column(MetricColumns.Definition);
            int cTarget = r.Column(MetricColumns.TargetedServiceUsers), cMethod = r.Column(MetricColumns.ValidationMethod), cSector = r.Column(MetricColumns.PolicySector);
            return project =>
            {
                var id = r.Text(cId);
                if (id is null)
                {
                    r.Invalid(cId, "missing metric id: the row is skipped");
                    return null;
                }

                if (!seen.TryAdd((project, id), r.Row))
                {
                    r.Invalid(cId, $"duplicate metric id for project {project} (first at row {seen[(project, id)]}): the row is skipped");
                    return null;
                }

                var (definition, target, method, sector) = (r.Text(cDef), r.WholeNumber(cTarget), r.Text(cMethod), r.Text(cSector));
                return new OutcomeMetric(project, id, definition, sector, method, target, r.Provenance);
            };
        });
    }

    private List<OutcomePricing> LoadPricings() =>
        ReadProjectRows<OutcomePricing>(Pricings, PricingColumns.ProjectId, r =>
        {
            int cMetric = r.Column(PricingColumns.MetricId), cCur = r.Column(PricingColumns.Currency);
            int cPrice = r.Column(PricingColumns.PricePerUnit), cPriceUsd = r.Column(PricingColumns.PricePerUnitUsd), cMax = r.Column(PricingColumns.MaximumPrice);
            return project =>
            {
                var metric = r.Text(cMetric);
                var currency = r.Currency(cCur, out var curEmpty);
                var price = r.Money(cPrice, currency, curEmpty);
                var priceUsd = r.Usd(cPriceUsd);
                var max = r.Money(cMax, currency, curEmpty);
                return new OutcomePricing(project, metric, price, priceUsd, max, r.Provenance);
            };
        });

    private List<OutcomeResult> LoadResults() =>
        ReadProjectRows<OutcomeResult>(Results, ResultColumns.ProjectId, r =>
        {
            int cMetric = r.Column(ResultColumns.MetricId), cType = r.Column(ResultColumns.ResultType);
            int cStart = r.Column(ResultColumns.PeriodStart), cEnd = r.Column(ResultColumns.PeriodEnd);
            int cAchieved = r.Column(ResultColumns.OutcomesAchieved), cEngaged = r.Column(ResultColumns.NumberEngaged), cValidator = r.Column(ResultColumns.Validator);
            var cPositive = r.OptionalColumn(ResultColumns.NumberWithPositiveOutcomes);
            return project =>
            {
                var (metric, type, start, end) = (r.Text(cMetric), r.Text(cType), r.Date(cStart), r.Date(cEnd));
                var (achieved, engaged, validator) = (r.Number(cAchieved), r.Number(cEngaged), r.Text(cValidator));
                var positive = cPositive is { } c ? r.Number(c) : null;
                return new OutcomeResult(project, metric, type, start, end, achieved, engaged, validator, null, r.Provenance) { NumberWithPositiveOutcomes = positive };
            };
        });

    private List<OutcomePayment> LoadPayments() =>
        ReadProjectRows<OutcomePayment>(Payments, PaymentColumns.ProjectId, r =>
        {
            int cMetric = r.Column(PaymentColumns.MetricId), cStart = r.Column(PaymentColumns.PeriodStart), cEnd = r.Column(PaymentColumns.PeriodEnd);
            int cPayer = r.Column(PaymentColumns.PayerId), cRecipient = r.Column(PaymentColumns.RecipientId), cType = r.Column(PaymentColumns.Type);
            int cCur = r.Column(PaymentColumns.Currency), cAmount = r.Column(PaymentColumns.Amount), cUsd = r.Column(PaymentColumns.AmountUsd);
            return project =>
            {
                var (metric, start, end) = (r.Text(cMetric), r.Date(cStart), r.Date(cEnd));
                var (payer, recipient) = (r.OrganisationRef(cPayer, OrgCheck), r.OrganisationRef(cRecipient, OrgCheck));
                var type = PaymentTypeOf(r, cType);
                var (amount, usd) = Amounts(r, cCur, cAmount, cUsd);
                return new OutcomePayment(project, metric, start, end, payer, recipient, type, amount, usd, null, r.Provenance);
            };
        });

    private static PaymentType PaymentTypeOf(IndigoRowReader r, int column)
    {
        var t = r.Text(column);
        switch (t)
        {
            case null:
                r.Report(column, ProblemSeverity.Warning, "payment type is empty (neither Planned nor Actual): counted as neither");
                return PaymentType.Unspecified;
            case "Planned":
                return PaymentType.Planned;
            case "Actual":
                return PaymentType.Actual;
            default:
                r.Invalid(column, "unknown payment type: expected Planned or Actual");
                return PaymentType.Unspecified;
        }
    }
}
