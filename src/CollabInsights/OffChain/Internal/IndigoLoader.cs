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

    private IndigoRowReader Open(string file)
    {
        _ct.ThrowIfCancellationRequested();
        var table = CsvTable.Parse(file, _files.Get(file));
        return new IndigoRowReader(table, RequiredColumns[file], _problems);
    }

    private void Done(string file) => _progress?.Report(new IndigoLoadProgress(file, ++_done, LoadedFiles.Count));

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

    private List<Organisation> LoadOrganisations()
    {
        var r = Open(Organisations);
        int cId = r.Column(OrganisationColumns.Id), cName = r.Column(OrganisationColumns.Name), cType = r.Column(OrganisationColumns.Type), cCountry = r.Column(OrganisationColumns.Country);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<Organisation>(r.Count);
        for (var row = 1; row <= r.Count; row++)
        {
            r.MoveTo(row);
            var id = UniqueId(r, cId, seen, "organisation");
            if (id is null)
            {
                continue;
            }

            list.Add(new Organisation(id, r.TextOrEmpty(cName), r.Text(cType), r.Text(cCountry), r.Provenance));
        }

        _organisationIds = new HashSet<string>(seen.Keys, StringComparer.Ordinal);
        Done(Organisations);
        return list;
    }

    private List<OutcomeFund> LoadFunds()
    {
        var r = Open(Funds);
        int cId = r.Column(FundColumns.Id), cName = r.Column(FundColumns.Name), cStage = r.Column(FundColumns.Stage), cCountry = r.Column(FundColumns.Country);
        int cCur = r.Column(FundColumns.Currency), cAmount = r.Column(FundColumns.ActualAmount), cUsd = r.Column(FundColumns.ActualAmountUsd);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<OutcomeFund>(r.Count);
        for (var row = 1; row <= r.Count; row++)
        {
            r.MoveTo(row);
            var id = UniqueId(r, cId, seen, "fund");
            if (id is null)
            {
                continue;
            }

            var name = r.TextOrEmpty(cName);
            var stage = r.Text(cStage);
            var country = r.Text(cCountry);
            var currency = r.Currency(cCur, out var curEmpty);
            var actual = r.Money(cAmount, currency, curEmpty);
            var actualUsd = r.Usd(cUsd);
            list.Add(new OutcomeFund(id, name, stage, country, actual, actualUsd, r.Provenance));
        }

        _fundIds = new HashSet<string>(seen.Keys, StringComparer.Ordinal);
        Done(Funds);
        return list;
    }

    private List<Project> LoadProjects()
    {
        var r = Open(Projects);
        int cId = r.Column(ProjectColumns.Id), cName = r.Column(ProjectColumns.Name), cStage = r.Column(ProjectColumns.Stage);
        int cJur = r.Column(ProjectColumns.Jurisdiction), cSector = r.Column(ProjectColumns.PolicySector);
        int cSigned = r.Column(ProjectColumns.OutcomesContractSigned), cStart = r.Column(ProjectColumns.ServiceStart), cEnd = r.Column(ProjectColumns.ServiceEnd);
        int cMaxCur = r.Column(ProjectColumns.MaxOutcomePaymentCurrency), cMax = r.Column(ProjectColumns.MaxOutcomePaymentAmount), cMaxUsd = r.Column(ProjectColumns.MaxOutcomePaymentUsd);
        int cInvCur = r.Column(ProjectColumns.InvestmentCurrency), cInv = r.Column(ProjectColumns.InvestmentAmount), cInvUsd = r.Column(ProjectColumns.InvestmentUsd);
        int cTarget = r.Column(ProjectColumns.TargetedServiceUsers), cActual = r.Column(ProjectColumns.ActualServiceUsers);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<Project>(r.Count);
        for (var row = 1; row <= r.Count; row++)
        {
            r.MoveTo(row);
            var id = UniqueId(r, cId, seen, "project");
            if (id is null)
            {
                continue;
            }

            var name = r.TextOrEmpty(cName);
            var stage = r.Text(cStage);
            var jurisdiction = r.Text(cJur);
            var sector = r.Text(cSector);
            var signed = r.Date(cSigned);
            var start = r.Date(cStart);
            var end = r.Date(cEnd);
            var maxCur = r.Currency(cMaxCur, out var maxCurEmpty);
            var max = r.Money(cMax, maxCur, maxCurEmpty);
            var maxUsd = r.Usd(cMaxUsd);
            var invCur = r.Currency(cInvCur, out var invCurEmpty);
            var inv = r.Money(cInv, invCur, invCurEmpty);
            var invUsd = r.Usd(cInvUsd);
            var target = r.WholeNumber(cTarget);
            var actual = r.WholeNumber(cActual);
            list.Add(new Project(id, name, stage, jurisdiction, sector, signed, start, end, max, maxUsd, inv, invUsd, target, actual, r.Provenance));
        }

        _projectIds = new HashSet<string>(seen.Keys, StringComparer.Ordinal);
        Done(Projects);
        return list;
    }

    private List<ProjectOutcomeFund> LoadProjectFunds()
    {
        var r = Open(ProjectOutcomeFunds);
        int cProject = r.Column(ProjectOutcomeFundColumns.ProjectId), cFund = r.Column(ProjectOutcomeFundColumns.FundId);
        var list = new List<ProjectOutcomeFund>(r.Count);
        for (var row = 1; row <= r.Count; row++)
        {
            r.MoveTo(row);
            var project = ProjectRef(r, cProject);
            if (project is null)
            {
                continue;
            }

            var fund = r.Text(cFund);
            if (fund is null)
            {
                r.Invalid(cFund, "missing fund id: the row is skipped");
                continue;
            }

            if (_options.CheckReferences && !_fundIds.Contains(fund))
            {
                r.Invalid(cFund, $"reference to a fund that does not exist in {Funds}: the row is skipped");
                continue;
            }

            list.Add(new ProjectOutcomeFund(project, fund, r.Provenance));
        }

        Done(ProjectOutcomeFunds);
        return list;
    }

    private List<FundingCommitment> LoadCommitments()
    {
        var r = Open(Commitments);
        int cProject = r.Column(CommitmentColumns.ProjectId), cOrg = r.Column(CommitmentColumns.OrganisationId);
        int cMaxCur = r.Column(CommitmentColumns.MaxCurrency), cMax = r.Column(CommitmentColumns.MaxAmount), cMaxUsd = r.Column(CommitmentColumns.MaxAmountUsd);
        int cStart = r.Column(CommitmentColumns.PeriodStart), cEnd = r.Column(CommitmentColumns.PeriodEnd);
        int cPaidCur = r.Column(CommitmentColumns.PaidCurrency), cPaid = r.Column(CommitmentColumns.PaidAmount), cPaidUsd = r.Column(CommitmentColumns.PaidAmountUsd);
        var list = new List<FundingCommitment>(r.Count);
        for (var row = 1; row <= r.Count; row++)
        {
            r.MoveTo(row);
            var project = ProjectRef(r, cProject);
            if (project is null)
            {
                continue;
            }

            var org = r.OrganisationRef(cOrg, OrgCheck);
            var maxCur = r.Currency(cMaxCur, out var maxCurEmpty);
            var max = r.Money(cMax, maxCur, maxCurEmpty);
            var maxUsd = r.Usd(cMaxUsd);
            var start = r.Date(cStart);
            var end = r.Date(cEnd);
            var paidCur = r.Currency(cPaidCur, out var paidCurEmpty);
            var paid = r.Money(cPaid, paidCur, paidCurEmpty);
            var paidUsd = r.Usd(cPaidUsd);
            list.Add(new FundingCommitment(project, org, OrganisationRole.OutcomePayer, max, maxUsd, start, end, paid, paidUsd, r.Provenance));
        }

        Done(Commitments);
        return list;
    }

    private List<Investment> LoadInvestments()
    {
        var r = Open(Investments);
        int cProject = r.Column(InvestmentColumns.ProjectId), cId = r.Column(InvestmentColumns.Id), cOrg = r.Column(InvestmentColumns.OrganisationId);
        int cCur = r.Column(InvestmentColumns.Currency), cAmount = r.Column(InvestmentColumns.Amount), cUsd = r.Column(InvestmentColumns.AmountUsd);
        int cType = r.Column(InvestmentColumns.InvestmentType);
        var seen = new Dictionary<(string, string), int>();
        var list = new List<Investment>(r.Count);
        for (var row = 1; row <= r.Count; row++)
        {
            r.MoveTo(row);
            var project = ProjectRef(r, cProject);
            if (project is null)
            {
                continue;
            }

            var id = r.Text(cId);
            if (id is not null && !seen.TryAdd((project, id), row))
            {
                r.Invalid(cId, $"duplicate investment id for project {project} (first at row {seen[(project, id)]}): the row is skipped");
                continue;
            }

            var org = r.OrganisationRef(cOrg, OrgCheck);
            var currency = r.Currency(cCur, out var curEmpty);
            var amount = r.Money(cAmount, currency, curEmpty);
            var usd = r.Usd(cUsd);
            var type = r.Text(cType);
            list.Add(new Investment(project, id, org, OrganisationRole.Investor, amount, usd, type, r.Provenance));
        }

        Done(Investments);
        return list;
    }

    private List<OutcomeMetric> LoadMetrics()
    {
        var r = Open(Metrics);
        int cProject = r.Column(MetricColumns.ProjectId), cId = r.Column(MetricColumns.Id), cDef = r.Column(MetricColumns.Definition);
        int cTarget = r.Column(MetricColumns.TargetedServiceUsers), cMethod = r.Column(MetricColumns.ValidationMethod), cSector = r.Column(MetricColumns.PolicySector);
        var seen = new Dictionary<(string, string), int>();
        var list = new List<OutcomeMetric>(r.Count);
        for (var row = 1; row <= r.Count; row++)
        {
            r.MoveTo(row);
            var project = ProjectRef(r, cProject);
            if (project is null)
            {
                continue;
            }

            var id = r.Text(cId);
            if (id is null)
            {
                r.Invalid(cId, "missing metric id: the row is skipped");
                continue;
            }

            if (!seen.TryAdd((project, id), row))
            {
                r.Invalid(cId, $"duplicate metric id for project {project} (first at row {seen[(project, id)]}): the row is skipped");
                continue;
            }

            var definition = r.Text(cDef);
            var target = r.WholeNumber(cTarget);
            var method = r.Text(cMethod);
            var sector = r.Text(cSector);
            list.Add(new OutcomeMetric(project, id, definition, sector, method, target, r.Provenance));
        }

        Done(Metrics);
        return list;
    }

    private List<OutcomePricing> LoadPricings()
    {
        var r = Open(Pricings);
        int cProject = r.Column(PricingColumns.ProjectId), cMetric = r.Column(PricingColumns.MetricId), cCur = r.Column(PricingColumns.Currency);
        int cPrice = r.Column(PricingColumns.PricePerUnit), cPriceUsd = r.Column(PricingColumns.PricePerUnitUsd), cMax = r.Column(PricingColumns.MaximumPrice);
        var list = new List<OutcomePricing>(r.Count);
        for (var row = 1; row <= r.Count; row++)
        {
            r.MoveTo(row);
            var project = ProjectRef(r, cProject);
            if (project is null)
            {
                continue;
            }

            var metric = r.Text(cMetric);
            var currency = r.Currency(cCur, out var curEmpty);
            var price = r.Money(cPrice, currency, curEmpty);
            var priceUsd = r.Usd(cPriceUsd);
            var max = r.Money(cMax, currency, curEmpty);
            list.Add(new OutcomePricing(project, metric, price, priceUsd, max, r.Provenance));
        }

        Done(Pricings);
        return list;
    }

    private List<OutcomeResult> LoadResults()
    {
        var r = Open(Results);
        int cProject = r.Column(ResultColumns.ProjectId), cMetric = r.Column(ResultColumns.MetricId), cType = r.Column(ResultColumns.ResultType);
        int cStart = r.Column(ResultColumns.PeriodStart), cEnd = r.Column(ResultColumns.PeriodEnd);
        int cAchieved = r.Column(ResultColumns.OutcomesAchieved), cEngaged = r.Column(ResultColumns.NumberEngaged), cValidator = r.Column(ResultColumns.Validator);
        var list = new List<OutcomeResult>(r.Count);
        for (var row = 1; row <= r.Count; row++)
        {
            r.MoveTo(row);
            var project = ProjectRef(r, cProject);
            if (project is null)
            {
                continue;
            }

            var metric = r.Text(cMetric);
            var type = r.Text(cType);
            var start = r.Date(cStart);
            var end = r.Date(cEnd);
            var achieved = r.Number(cAchieved);
            var engaged = r.Number(cEngaged);
            var validator = r.Text(cValidator);
            list.Add(new OutcomeResult(project, metric, type, start, end, achieved, engaged, validator, null, r.Provenance));
        }

        Done(Results);
        return list;
    }

    private List<OutcomePayment> LoadPayments()
    {
        var r = Open(Payments);
        int cProject = r.Column(PaymentColumns.ProjectId), cMetric = r.Column(PaymentColumns.MetricId);
        int cStart = r.Column(PaymentColumns.PeriodStart), cEnd = r.Column(PaymentColumns.PeriodEnd);
        int cPayer = r.Column(PaymentColumns.PayerId), cRecipient = r.Column(PaymentColumns.RecipientId), cType = r.Column(PaymentColumns.Type);
        int cCur = r.Column(PaymentColumns.Currency), cAmount = r.Column(PaymentColumns.Amount), cUsd = r.Column(PaymentColumns.AmountUsd);
        var list = new List<OutcomePayment>(r.Count);
        for (var row = 1; row <= r.Count; row++)
        {
            r.MoveTo(row);
            var project = ProjectRef(r, cProject);
            if (project is null)
            {
                continue;
            }

            var metric = r.Text(cMetric);
            var start = r.Date(cStart);
            var end = r.Date(cEnd);
            var payer = r.OrganisationRef(cPayer, OrgCheck);
            var recipient = r.OrganisationRef(cRecipient, OrgCheck);
            var type = PaymentTypeOf(r, cType);
            var currency = r.Currency(cCur, out var curEmpty);
            var amount = r.Money(cAmount, currency, curEmpty);
            var usd = r.Usd(cUsd);
            list.Add(new OutcomePayment(project, metric, start, end, payer, recipient, type, amount, usd, null, r.Provenance));
        }

        Done(Payments);
        return list;
    }

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
