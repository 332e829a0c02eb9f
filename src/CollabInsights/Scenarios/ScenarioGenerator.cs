using System.Globalization;
using System.Text;
using CollabInsights.Domain;
using CollabInsights.Scenarios.Internal;
using H = CollabInsights.Scenarios.Internal.IndigoExportHeaders;

namespace CollabInsights.Scenarios;

/// <summary>
/// Generates a synthetic collaboration dataset in the INDIGO CSV layout (same file names and header lines
/// as the real export), so the whole kit runs without downloading anything. Commissioners and outcome
/// funds commit money, investors pre-fund providers, validators attest quarterly results, and planned and
/// actual payments follow from the price per outcome, the results and each metric's cap.
/// Deterministic: the same <see cref="ScenarioOptions"/> give byte-identical files.
/// </summary>
/// <remarks>
/// Per project: 2 to 4 outcome metrics with a target and a price (cap = price x target); 8 to 16 quarterly
/// periods; a planned payment per metric, period and funder; for periods ended by <see cref="ScenarioOptions.AsOf"/>
/// a result (outcomes achieved = planned x a project performance factor x noise) and an actual payment of
/// price x achieved, cut so the metric's cumulative payments never exceed its cap. Payments are split between
/// funders by their committed share (rounded to cents, the last funder takes the remainder). In a fund project
/// the local commissioner names itself as payer while the fund's rows leave the payer (and the commitment's
/// organisation) empty, as INDIGO often does.
/// </remarks>
public static class ScenarioGenerator
{
    private static readonly string[] Places =
    [
        "Northshire", "Eastbrook", "Westmarch", "Southvale", "Kingsport", "Riverton", "Lakeside", "Highmoor", "Ashford", "Millbrook",
        "Stonebridge", "Fairhaven", "Oakridge", "Bramwell", "Harbourne", "Greyfield", "Elmstead", "Redcliff", "Thornbury", "Willowdale",
    ];

    private static readonly (string Code, string Country, decimal UsdRate)[] Currencies =
    [
        ("GBP", "GB", 1.27m), ("USD", "US", 1m), ("EUR", "NL", 1.08m), ("AUD", "AU", 0.66m),
    ];

    // Currency (index into Currencies) of the i-th commissioner, cycling: mostly pounds, like INDIGO.
    private static readonly int[] CommissionerCurrency = [0, 0, 1, 0, 2, 0, 3, 0, 1, 2];

    // Currency of the i-th outcome fund.
    private static readonly int[] FundCurrency = [0, 1, 0];

    private static readonly (string Sector, string Short, (string Definition, int MinPrice, int MaxPrice)[] Metrics)[] Sectors =
    [
        ("Employment and training", "Employment", [("Job entry: participant starts paid work", 800, 2500), ("Sustained employment at 26 weeks", 1500, 4000), ("Accredited qualification gained", 300, 1200), ("Sustained employment at 52 weeks", 2000, 5000)]),
        ("Homelessness", "Homes", [("Entry into stable accommodation", 1000, 3000), ("Accommodation sustained for 6 months", 2000, 5000), ("Accommodation sustained for 12 months", 2500, 6000)]),
        ("Child and family welfare", "Families", [("Child remains safely at home for 12 months", 3000, 9000), ("Reduction in days in care", 50, 150), ("School attendance above 90%", 500, 1500)]),
        ("Health", "Health", [("Improvement in HbA1c control", 400, 1200), ("Avoided emergency admission", 1500, 4000), ("Completed care plan", 200, 800)]),
        ("Education", "Learning", [("Reading level gain of one grade", 100, 400), ("Progression to further education", 800, 2400), ("Exam pass in English and maths", 600, 1800)]),
        ("Criminal justice", "Justice", [("No reconviction within 12 months", 2000, 6000), ("Reduction in reoffending frequency", 500, 2000)]),
    ];

    private static readonly string[] Validators = ["Independent Outcomes Audit Ltd", "Evidence and Evaluation Partners", "Public Data Verification Unit"];

    private static readonly (string Name, string Role, string Type)[] Investors =
    [
        ("Bridges Outcomes Capital", "Investment Fund", "senior loan"), ("Community Impact Trust", "Foundation/Philanthropist", "philanthropic investment"),
        ("Better Society Capital", "Investment Fund", "Quasi-equity"), ("Civic Change Foundation", "Foundation/Philanthropist", "Recyclable grants"),
        ("Northern Social Investors", "Investment Fund", "subordinate loan"),
    ];

    private const string Government = "Government body";
    private const string Charity = "Registered non-profit organisation, charity or foundation";
    private const string Company = "Registered company, partnership or commercial association";
    private const string PublicRole = "Government/Public Sector/Public Bank";

    /// <summary>Generates the scenario in memory.</summary>
    public static GeneratedScenario Generate(ScenarioOptions? options = null)
    {
        options ??= ScenarioOptions.Default;
        return WithChainDifferences(new Builder(options).Build(), options);
    }

    /// <summary>
    /// Generates the scenario and writes its CSV files and <c>ground-truth.json</c> into <paramref name="directory"/>
    /// (created if needed; files of the same names are overwritten). UTF-8 without BOM, CRLF rows like the real export.
    /// </summary>
    /// <remarks>An optional <c>transform</c> is applied to the scenario before it is written (for example <c>ScenarioAnomalies.Inject</c>, which plants labelled anomalies).</remarks>
    public static async Task<GeneratedScenario> WriteAsync(ScenarioOptions? options, string directory, CancellationToken cancellationToken = default, Func<GeneratedScenario, GeneratedScenario>? transform = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options ??= ScenarioOptions.Default;
        var scenario = new Builder(options).Build();
        scenario = transform is null ? scenario : transform(scenario);
        scenario = WithChainDifferences(scenario, options);
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(false);
        foreach (var (file, content) in scenario.Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            await File.WriteAllTextAsync(Path.Combine(directory, file), content, utf8, cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(Path.Combine(directory, ScenarioGroundTruth.FileName), scenario.GroundTruth.ToJson(), utf8, cancellationToken).ConfigureAwait(false);
        return scenario;
    }

    /// <summary>The on-chain part: plans the deliberate chain-versus-books differences (after any transform, so they avoid planted anomalies).</summary>
    private static GeneratedScenario WithChainDifferences(GeneratedScenario scenario, ScenarioOptions options) =>
        scenario with { GroundTruth = scenario.GroundTruth with { ChainDifferences = ChainDifferencePlanner.Plan(scenario, options.ChainDifferenceRate) } };

    private sealed class Builder
    {
        private readonly ScenarioOptions _o;
        private readonly Random _rng;
        private readonly Dictionary<string, CsvTableWriter> _tables;

        private readonly List<Organisation> _organisations = [];
        private readonly List<Project> _projects = [];
        private readonly List<OutcomeFund> _funds = [];
        private readonly List<ProjectOutcomeFund> _projectFunds = [];
        private readonly List<FundingCommitment> _commitments = [];
        private readonly List<Investment> _investments = [];
        private readonly List<OutcomeMetric> _metrics = [];
        private readonly List<OutcomePricing> _pricings = [];
        private readonly List<OutcomeResult> _results = [];
        private readonly List<OutcomePayment> _payments = [];

        private readonly SortedDictionary<string, decimal> _committed = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, decimal> _actual = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, decimal> _planned = new(StringComparer.Ordinal);
        private decimal _outcomes;

        private readonly List<(string Id, int Currency)> _commissioners = [];
        private readonly List<string> _providers = [];
        private readonly List<string> _investorIds = [];
        private readonly List<string> _validatorIds = [];
        private readonly List<(string Id, string Name, string Currency, string Country)> _fundDefs = [];
        private readonly Dictionary<string, decimal> _fundCommitted = new(StringComparer.Ordinal);

        public Builder(ScenarioOptions options)
        {
            options.Validate();
            _o = options;
            _rng = new Random(options.Seed);
            _tables = H.Files.ToDictionary(f => f, f => new CsvTableWriter(f, H.HeaderOf(f)), StringComparer.Ordinal);
        }

        public GeneratedScenario Build()
        {
            CreateOrganisations();
            CreateFundDefinitions();
            for (var p = 1; p <= _o.Projects; p++)
            {
                CreateProject(p);
            }

            WriteFunds();

            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (file, table) in _tables)
            {
                files[file] = table.ToCsv();
            }

            var dataset = new CollabDataset(_organisations, _projects, _funds, _projectFunds, _commitments, _investments, _metrics, _pricings, _results, _payments);
            var truth = new ScenarioGroundTruth
            {
                Seed = _o.Seed,
                Projects = _o.Projects,
                AsOf = _o.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Rows = new SortedDictionary<string, int>(_tables.ToDictionary(t => t.Key, t => t.Value.RowCount), StringComparer.Ordinal),
                CommittedByCurrency = _committed,
                ActualPaidByCurrency = _actual,
                PlannedByCurrency = _planned,
                OutcomesAchieved = _outcomes,
            };
            return new GeneratedScenario(files, dataset, truth);
        }

        private void CreateOrganisations()
        {
            var places = Shuffle(Places);
            var commissioners = Math.Clamp((_o.Projects + 1) / 2, 2, places.Count);
            for (var i = 0; i < commissioners; i++)
            {
                var currency = CommissionerCurrency[i % CommissionerCurrency.Length];
                var country = Currencies[currency].Country;
                _commissioners.Add((AddOrganisation($"{places[i]} {(country == "GB" ? "County Council" : "City Government")}", Government, country), currency));
            }

            var providers = Math.Clamp((_o.Projects + 2) / 3, 2, places.Count);
            for (var i = 0; i < providers; i++)
            {
                _providers.Add(AddOrganisation($"{places[places.Count - 1 - i]} {(i % 2 == 0 ? "Community Trust" : "Pathways CIC")}", Charity, "GB"));
            }

            foreach (var investor in Investors)
            {
                _investorIds.Add(AddOrganisation(investor.Name, investor.Role == "Investment Fund" ? Company : Charity, "GB"));
            }

            foreach (var validator in Validators)
            {
                _validatorIds.Add(AddOrganisation(validator, Company, "GB"));
            }
        }

        private void CreateFundDefinitions()
        {
            var count = _o.FundShare <= 0 ? 0 : Math.Clamp(_o.Projects / 10, 1, 3);
            string[] names = ["Better Lives Outcomes Fund", "Youth Futures Outcomes Fund", "Healthy Communities Outcomes Fund"];
            for (var i = 0; i < count; i++)
            {
                var currency = Currencies[FundCurrency[i]];
                _fundDefs.Add((Id("SYN-FUND", i + 1), names[i], currency.Code, currency.Country));
            }
        }

        private string AddOrganisation(string name, string type, string country)
        {
            var id = Id("SYN-ORG", _organisations.Count + 1);
            var row = Table(H.OrganisationsFile).Add(("ID", id), ("Name", name), ("Type - (Value)", type), ("Country", country));
            _organisations.Add(new Organisation(id, name, type, country, new FileProvenance(H.OrganisationsFile, row)));
            return id;
        }

        // One project: its plan (every random draw of the project's set-up, in order), then its rows, file by file.
        private void CreateProject(int number)
        {
            var plan = PlanProject(number);
            WriteMetricsAndPricings(plan);
            var (paidByFunder, paidTotal, engagedTotal) = WriteResultsAndPayments(plan);
            WriteCommitments(plan, paidByFunder);
            WriteInvestments(plan);
            WriteProject(plan, number, paidTotal, engagedTotal);
        }

        private ProjectPlan PlanProject(int number)
        {
            var projectId = Id("SYN-POJ", number);
            var sector = Sectors[_rng.Next(Sectors.Length)];
            var fund = _fundDefs.Count > 0 && _rng.NextDouble() < _o.FundShare ? _fundDefs[_rng.Next(_fundDefs.Count)] : default;
            var inFund = fund.Id is not null;
            var candidates = inFund ? _commissioners.Where(c => Currencies[c.Currency].Code == fund.Currency).ToList() : _commissioners;
            var (commissioner, currencyIndex) = (candidates.Count > 0 ? candidates : _commissioners)[_rng.Next(candidates.Count > 0 ? candidates.Count : _commissioners.Count)];
            var currency = inFund ? Currencies.First(c => c.Code == fund.Currency) : Currencies[currencyIndex];
            var provider = _providers[_rng.Next(_providers.Count)];
            var validator = _validatorIds[_rng.Next(_validatorIds.Count)];
            var place = _organisations.First(o => o.Id == commissioner).Name.Split(' ')[0];

            var signedYear = _o.FirstYear + _rng.Next(Math.Max(1, _o.AsOf.Year - _o.FirstYear - 1));
            var signed = new DateOnly(signedYear, 1 + _rng.Next(12), 1);
            var serviceStart = signed.AddMonths(2 + _rng.Next(4));
            var quarters = 8 + _rng.Next(9);
            var serviceEnd = serviceStart.AddMonths(3 * quarters).AddDays(-1);
            var performance = 0.55 + (_rng.NextDouble() * 0.6);

            // Metrics: distinct templates of the sector.
            var templates = Shuffle(sector.Metrics).Take(2 + _rng.Next(Math.Min(3, sector.Metrics.Length - 1))).ToList();
            var metricPlans = new List<(string Id, string Definition, int Target, decimal Price, decimal Cap)>();
            for (var m = 0; m < templates.Count; m++)
            {
                var t = templates[m];
                var target = 40 + (_rng.Next(60) * 10);
                var price = Round((t.MinPrice + (decimal)_rng.Next(t.MaxPrice - t.MinPrice + 1)) / 10m, 0) * 10m;
                metricPlans.Add(($"outcomemetric{m + 1}", t.Definition, target, price, price * target));
            }

            var maxOutcome = metricPlans.Sum(m => m.Cap);
            var totalInvestment = Round(maxOutcome * (decimal)(0.3 + (_rng.NextDouble() * 0.3)) / 1000m, 0) * 1000m;

            // Funders and their shares; the last funder takes the remainder.
            var funders = new List<(string? PayerId, decimal Share)>();
            if (inFund)
            {
                var localShare = Round((decimal)(0.5 + (_rng.NextDouble() * 0.3)), 2);
                funders.Add((commissioner, localShare));
                funders.Add((null, 1m - localShare));
            }
            else if (_rng.NextDouble() < _o.JointPayerShare && _commissioners.Count(c => c.Currency == currencyIndex) > 1)
            {
                var others = _commissioners.Where(c => c.Currency == currencyIndex && c.Id != commissioner).ToList();
                var second = others[_rng.Next(others.Count)].Id;
                var share = Round((decimal)(0.5 + (_rng.NextDouble() * 0.2)), 2);
                funders.Add((commissioner, share));
                funders.Add((second, 1m - share));
            }
            else
            {
                funders.Add((commissioner, 1m));
            }

            var committed = Split(maxOutcome, funders.Select(f => f.Share).ToList());

            return new ProjectPlan(projectId, sector, fund, commissioner, currencyIndex, currency, provider, validator, place, signed, serviceStart, quarters, serviceEnd, performance, metricPlans, maxOutcome, totalInvestment, funders, committed);
        }

        private void WriteMetricsAndPricings(ProjectPlan plan)
        {
            var (projectId, sector, _, _, _, currency, _, _, _, _, _, _, _, _, metricPlans, _, _, _, _) = plan;
            // Metrics and pricings.
            foreach (var m in metricPlans)
            {
                var row = Table(H.MetricsFile).Add(
                    ("Project ID", projectId), ("Id", m.Id), ("Outcome Definition - (Value)", m.Definition),
                    ("Target Population - (Value)", "Residents referred by the commissioner"),
                    ("Targeted number of service users Or beneficiaries (total) - (Value)", Int(m.Target)),
                    ("Unit type of targeted Service users or beneficiaries - (Value)", "Individual"),
                    ("Outcome validation Method - (Value)", "Validated administrative data"),
                    ("Policy sector - (Value)", sector.Sector));
                _metrics.Add(new OutcomeMetric(projectId, m.Id, m.Definition, sector.Sector, "Validated administrative data", m.Target, new FileProvenance(H.MetricsFile, row)));

                var priceUsd = Usd(m.Price, currency.UsdRate);
                row = Table(H.PricingsFile).Add(
                    ("Project ID", projectId), ("Outcome Metric Id - (Value)", m.Id), ("Currency - (Value)", currency.Code),
                    ("Price Per Unit - Amount - (Value)", Amount(m.Price)), ("Price Per Unit - Amount USD - (Value)", Amount(priceUsd)),
                    ("Maximum Price if all targets achieved - Amount - (Value)", Amount(m.Cap)));
                _pricings.Add(new OutcomePricing(projectId, m.Id, new Money(Normalise(m.Price), currency.Code), priceUsd, new Money(Normalise(m.Cap), currency.Code), new FileProvenance(H.PricingsFile, row)));
            }
        }

        // Planned payments for every quarter; for each quarter ended by the as-of date a result and the actual payments it earns.
        private (decimal[] PaidByFunder, decimal PaidTotal, int EngagedTotal) WriteResultsAndPayments(ProjectPlan plan)
        {
            var (projectId, _, _, _, _, currency, provider, validator, _, _, serviceStart, quarters, _, performance, metricPlans, _, _, funders, _) = plan;
            var paidByFunder = new decimal[funders.Count];
            var paidTotal = 0m;
            var engagedTotal = 0;
            // Quarterly results and payments.
            foreach (var m in metricPlans)
            {
                var paidOnMetric = 0m;
                for (var q = 0; q < quarters; q++)
                {
                    var periodStart = serviceStart.AddMonths(3 * q);
                    var periodEnd = periodStart.AddMonths(3).AddDays(-1);
                    var start = PartialDate.OfMonth(periodStart.Year, periodStart.Month);
                    var end = PartialDate.OfMonth(periodEnd.Year, periodEnd.Month);
                    var plannedOutcomes = (m.Target / quarters) + (q < m.Target % quarters ? 1 : 0);
                    var plannedAmount = m.Price * plannedOutcomes;
                    var plannedParts = Split(plannedAmount, funders.Select(f => f.Share).ToList());
                    for (var f = 0; f < funders.Count; f++)
                    {
                        AddPayment(projectId, m.Id, start, end, funders[f].PayerId, provider, PaymentType.Planned, plannedParts[f], currency);
                    }

                    if (periodEnd > _o.AsOf)
                    {
                        continue;
                    }

                    var noise = 0.8 + (_rng.NextDouble() * 0.4);
                    var achieved = (int)Math.Round(plannedOutcomes * performance * noise, MidpointRounding.AwayFromZero);
                    var engaged = (int)Math.Round(achieved * (1.5 + _rng.NextDouble()), MidpointRounding.AwayFromZero) + 1;
                    engagedTotal += engaged;
                    var row = Table(H.ResultsFile).Add(
                        ("Project ID", projectId), ("Outcome Metric Id - (Value)", m.Id), ("Result level - (Value)", "Outcome level"),
                        ("Result type - (Value)", "Interim"), ("Period - Start - (Value)", start.ToString()), ("Period - End - (Value)", end.ToString()),
                        ("Outcomes achieved - (Value)", Int(achieved)), ("Number engaged In impact bond - (Value)", Int(engaged)),
                        ("Outcomes validator(s) - (Value)", validator));
                    _results.Add(new OutcomeResult(projectId, m.Id, "Interim", start, end, achieved, engaged, validator, null, new FileProvenance(H.ResultsFile, row)));
                    _outcomes += achieved;

                    var due = Math.Min(m.Price * achieved, m.Cap - paidOnMetric);
                    if (due <= 0)
                    {
                        continue;
                    }

                    paidOnMetric += due;
                    paidTotal += due;
                    var parts = Split(due, funders.Select(f => f.Share).ToList());
                    for (var f = 0; f < funders.Count; f++)
                    {
                        paidByFunder[f] += parts[f];
                        AddPayment(projectId, m.Id, start, end, funders[f].PayerId, provider, PaymentType.Actual, parts[f], currency);
                    }
                }
            }

            return (paidByFunder, paidTotal, engagedTotal);
        }

        // Commitments are written after the payments so they can report payments made so far; then the project's fund membership.
        private void WriteCommitments(ProjectPlan plan, decimal[] paidByFunder)
        {
            var (projectId, _, fund, _, _, currency, _, _, _, _, serviceStart, _, serviceEnd, _, _, _, _, funders, committed) = plan;
            // Commitments (written after the payments so they can report payments made so far).
            for (var f = 0; f < funders.Count; f++)
            {
                var maxUsd = Usd(committed[f], currency.UsdRate);
                var paidUsd = Usd(paidByFunder[f], currency.UsdRate);
                var row = Table(H.CommitmentsFile).Add(
                    ("Project ID", projectId), ("Organisation ID - (Value)", funders[f].PayerId), ("Organisation Role Category - (Value)", PublicRole),
                    ("Maximum potential Outcome payment - Currency - (Value)", currency.Code),
                    ("Maximum potential Outcome payment - Amount - (Value)", Amount(committed[f])),
                    ("Maximum potential Outcome payment - Amount USD - (Value)", Amount(maxUsd)),
                    ("Period - Start - (Value)", PartialDate.OfMonth(serviceStart.Year, serviceStart.Month).ToString()),
                    ("Period - End - (Value)", PartialDate.OfMonth(serviceEnd.Year, serviceEnd.Month).ToString()),
                    ("Total outcome payments made - Currency - (Value)", currency.Code),
                    ("Total outcome payments made - Amount - (Value)", Amount(paidByFunder[f])),
                    ("Total outcome payments made - Amount USD - (Value)", Amount(paidUsd)));
                _commitments.Add(new FundingCommitment(
                    projectId, funders[f].PayerId, OrganisationRole.OutcomePayer, new Money(committed[f], currency.Code), maxUsd,
                    PartialDate.OfMonth(serviceStart.Year, serviceStart.Month), PartialDate.OfMonth(serviceEnd.Year, serviceEnd.Month),
                    new Money(Normalise(paidByFunder[f]), currency.Code), paidUsd, new FileProvenance(H.CommitmentsFile, row)));
                Add(_committed, currency.Code, committed[f]);
                if (funders[f].PayerId is null && fund.Id is not null)
                {
                    _fundCommitted[fund.Id] = _fundCommitted.GetValueOrDefault(fund.Id) + committed[f];
                }
            }

            if (fund.Id is not null)
            {
                var row = Table(H.ProjectOutcomeFundsFile).Add(("Project ID", projectId), ("Id", fund.Id));
                _projectFunds.Add(new ProjectOutcomeFund(projectId, fund.Id, new FileProvenance(H.ProjectOutcomeFundsFile, row)));
            }
        }

        private void WriteInvestments(ProjectPlan plan)
        {
            var (projectId, _, _, _, _, currency, _, _, _, _, _, _, _, _, _, _, totalInvestment, _, _) = plan;
            // Investments: one or two investors share the total.
            var investorCount = 1 + _rng.Next(2);
            var firstInvestor = _rng.Next(Investors.Length);
            var investmentParts = investorCount == 1 ? [totalInvestment] : Split(totalInvestment, [0.6m, 0.4m]);
            for (var i = 0; i < investorCount; i++)
            {
                var k = (firstInvestor + i) % Investors.Length;
                var invId = $"investment{i + 1}";
                var usd = Usd(investmentParts[i], currency.UsdRate);
                var row = Table(H.InvestmentsFile).Add(
                    ("Project ID", projectId), ("Id", invId), ("Organisation ID - (Value)", _investorIds[k]),
                    ("Organisation Role Category - (Value)", Investors[k].Role), ("Investment Commitment - Currency - (Value)", currency.Code),
                    ("Investment Commitment - Amount - Exact - (Value)", Amount(investmentParts[i])),
                    ("Investment Commitment - Amount USD - Exact - (Value)", Amount(usd)), ("Investment Type - (Value)", Investors[k].Type));
                _investments.Add(new Investment(projectId, invId, _investorIds[k], OrganisationRole.Investor, new Money(investmentParts[i], currency.Code), usd, Investors[k].Type, new FileProvenance(H.InvestmentsFile, row)));
            }
        }

        private void WriteProject(ProjectPlan plan, int number, decimal paidTotal, int engagedTotal)
        {
            var (projectId, sector, _, _, _, currency, _, _, place, signed, serviceStart, _, serviceEnd, _, metricPlans, maxOutcome, totalInvestment, _, _) = plan;
            // The project row itself.
            var stage = serviceEnd <= _o.AsOf ? "Complete" : "Implementation";
            var name = $"{place} {sector.Short} Outcomes Contract {number}";
            var targeted = metricPlans.Max(m => m.Target);
            var maxUsdProject = Usd(maxOutcome, currency.UsdRate);
            var investUsd = Usd(totalInvestment, currency.UsdRate);
            var projectRow = Table(H.ProjectsFile).Add(
                ("ID", projectId), ("Impact Bond Name - (Value)", name), ("Stage of Development - (Value)", stage),
                ("Dates - Date outcomes contract signed - (Value)", PartialDate.FromDate(signed).ToString()),
                ("Dates - Start date of service provision - (Value)", PartialDate.OfMonth(serviceStart.Year, serviceStart.Month).ToString()),
                ("Dates - Anticipated end date of service provision - (Value)", PartialDate.OfMonth(serviceEnd.Year, serviceEnd.Month).ToString()),
                ("Dates - Actual end date of service provision - (Value)", stage == "Complete" ? PartialDate.OfMonth(serviceEnd.Year, serviceEnd.Month).ToString() : null),
                ("Jurisdiction - Jurisdiction - (Value)", currency.Country),
                ("Overall project finance - Total investment commitment - Currency - (Value)", currency.Code),
                ("Overall project finance - Total investment commitment - Amount - Exact - (Value)", Amount(totalInvestment)),
                ("Overall project finance - Total investment commitment - Amount USD - Exact - (Value)", Amount(investUsd)),
                ("Overall project finance - Maximum potential outcome payment - Currency - (Value)", currency.Code),
                ("Overall project finance - Maximum potential outcome payment - Amount - (Value)", Amount(maxOutcome)),
                ("Overall project finance - Maximum potential outcome payment - Amount USD - (Value)", Amount(maxUsdProject)),
                ("Overall project finance - Total outcome payments made - Currency - (Value)", currency.Code),
                ("Overall project finance - Total outcome payments made - Amount - (Value)", Amount(paidTotal)),
                ("Overall project finance - Total outcome payments made - Amount USD - (Value)", Amount(Usd(paidTotal, currency.UsdRate))),
                ("Purpose and classifications - Policy sector - (Value)", sector.Sector),
                ("Service and beneficiaries - Targeted number of unique service users or beneficiaries (total) - (Value)", Int(targeted)),
                ("Service and beneficiaries - Actual number of unique service users or beneficiaries engaged (total) - (Value)", Int(engagedTotal)));
            _projects.Add(new Project(
                projectId, name, stage, currency.Country, sector.Sector, PartialDate.FromDate(signed),
                PartialDate.OfMonth(serviceStart.Year, serviceStart.Month), stage == "Complete" ? PartialDate.OfMonth(serviceEnd.Year, serviceEnd.Month) : null,
                new Money(Normalise(maxOutcome), currency.Code), maxUsdProject, new Money(totalInvestment, currency.Code), investUsd,
                targeted, engagedTotal, new FileProvenance(H.ProjectsFile, projectRow)));
        }

        private void AddPayment(string projectId, string metricId, PartialDate start, PartialDate end, string? payer, string recipient, PaymentType type, decimal amount, (string Code, string Country, decimal UsdRate) currency)
        {
            amount = Normalise(amount);
            var usd = Usd(amount, currency.UsdRate);
            var row = Table(H.PaymentsFile).Add(
                ("Project ID", projectId), ("Outcome Metric Id - (Value)", metricId), ("Period - Start - (Value)", start.ToString()),
                ("Period - End - (Value)", end.ToString()), ("Payer Organisation ID - (Value)", payer), ("Recipient Organisation ID - (Value)", recipient),
                ("Type - (Value)", type.ToString()), ("Payments - Currency - (Value)", currency.Code),
                ("Payments - Amount - (Value)", Amount(amount)), ("Payments - Amount USD - (Value)", Amount(usd)));
            _payments.Add(new OutcomePayment(projectId, metricId, start, end, payer, recipient, type, new Money(amount, currency.Code), usd, null, new FileProvenance(H.PaymentsFile, row)));
            Add(type == PaymentType.Actual ? _actual : _planned, currency.Code, amount);
        }

        private void WriteFunds()
        {
            foreach (var fund in _fundDefs)
            {
                var value = _fundCommitted.GetValueOrDefault(fund.Id);
                var rate = Currencies.First(c => c.Code == fund.Currency).UsdRate;
                var usd = Usd(value, rate);
                var row = Table(H.FundsFile).Add(
                    ("ID", fund.Id), ("Fund - Name", fund.Name), ("Fund - Stage of Development - (Value)", "Implementation"),
                    ("Fund - Host institution of Outcome Fund", _commissioners[0].Id),
                    ("Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - Currency", fund.Currency),
                    ("Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - Actual - Amount - (Value)", Amount(value)),
                    ("Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - Actual - Amount USD - (Value)", Amount(usd)),
                    ("Fund - Country", fund.Country));
                _funds.Add(new OutcomeFund(fund.Id, fund.Name, "Implementation", fund.Country, new Money(value, fund.Currency), usd, new FileProvenance(H.FundsFile, row)));
            }
        }

        private List<T> Shuffle<T>(IReadOnlyList<T> items)
        {
            var list = items.ToList();
            for (var i = list.Count - 1; i > 0; i--)
            {
                var j = _rng.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }

            return list;
        }

        private CsvTableWriter Table(string file) => _tables[file];

        private static decimal[] Split(decimal amount, IReadOnlyList<decimal> shares)
        {
            var parts = new decimal[shares.Count];
            var rest = amount;
            for (var i = 0; i < shares.Count - 1; i++)
            {
                parts[i] = Round(amount * shares[i], 2);
                rest -= parts[i];
            }

            parts[^1] = Normalise(rest);
            return parts;
        }

        private static void Add(SortedDictionary<string, decimal> totals, string currency, decimal amount) =>
            totals[currency] = totals.GetValueOrDefault(currency) + amount;

        private static decimal Usd(decimal amount, decimal rate) => Round(amount * rate, 2);

        private static decimal Round(decimal value, int decimals) => Normalise(Math.Round(value, decimals, MidpointRounding.AwayFromZero));

        // Removes trailing zeros so the in-memory value equals what a reader parses back from the written text.
        private static decimal Normalise(decimal value) => decimal.Parse(Amount(value), CultureInfo.InvariantCulture);

        private static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Id(string prefix, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{number:D4}");

    }
}
