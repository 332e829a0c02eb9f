namespace CollabInsights.OffChain;

/// <summary>
/// File names and column headers of the GO Lab INDIGO "all data per data type, CSV" export that
/// <see cref="IndigoSource"/> reads (columns are matched by name, ignoring case and surrounding
/// spaces; other columns and files are ignored). Writers of data in the same layout (for example
/// a scenario generator) can use these names.
/// </summary>
public static class IndigoLayout
{
    public const string Organisations = "organisations.csv";
    public const string Funds = "funds.csv";
    public const string Projects = "projects.csv";
    public const string ProjectOutcomeFunds = "projects_outcome_funds.csv";
    public const string Commitments = "projects_outcome_payment_commitments.csv";
    public const string Investments = "projects_investments.csv";
    public const string Metrics = "projects_outcome_metrics.csv";
    public const string Pricings = "projects_outcome_pricings.csv";
    public const string Results = "projects_results.csv";
    public const string Payments = "projects_outcome_payments.csv";

    /// <summary>The files read, in load order (referenced files first).</summary>
    public static IReadOnlyList<string> LoadedFiles { get; } =
        [Organisations, Funds, Projects, ProjectOutcomeFunds, Commitments, Investments, Metrics, Pricings, Results, Payments];

    /// <summary>The columns each loaded file must have (by name), in the order they are validated.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RequiredColumns { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [Organisations] = [OrganisationColumns.Id, OrganisationColumns.Name, OrganisationColumns.Type, OrganisationColumns.Country],
        [Funds] = [FundColumns.Id, FundColumns.Name, FundColumns.Stage, FundColumns.Country, FundColumns.Currency, FundColumns.ActualAmount, FundColumns.ActualAmountUsd],
        [Projects] =
        [
            ProjectColumns.Id, ProjectColumns.Name, ProjectColumns.Stage, ProjectColumns.Jurisdiction, ProjectColumns.PolicySector,
            ProjectColumns.OutcomesContractSigned, ProjectColumns.ServiceStart, ProjectColumns.ServiceEnd,
            ProjectColumns.MaxOutcomePaymentCurrency, ProjectColumns.MaxOutcomePaymentAmount, ProjectColumns.MaxOutcomePaymentUsd,
            ProjectColumns.InvestmentCurrency, ProjectColumns.InvestmentAmount, ProjectColumns.InvestmentUsd,
            ProjectColumns.TargetedServiceUsers, ProjectColumns.ActualServiceUsers,
        ],
        [ProjectOutcomeFunds] = [ProjectOutcomeFundColumns.ProjectId, ProjectOutcomeFundColumns.FundId],
        [Commitments] =
        [
            CommitmentColumns.ProjectId, CommitmentColumns.OrganisationId, CommitmentColumns.MaxCurrency, CommitmentColumns.MaxAmount, CommitmentColumns.MaxAmountUsd,
            CommitmentColumns.PeriodStart, CommitmentColumns.PeriodEnd, CommitmentColumns.PaidCurrency, CommitmentColumns.PaidAmount, CommitmentColumns.PaidAmountUsd,
        ],
        [Investments] =
        [
            InvestmentColumns.ProjectId, InvestmentColumns.Id, InvestmentColumns.OrganisationId, InvestmentColumns.Currency,
            InvestmentColumns.Amount, InvestmentColumns.AmountUsd, InvestmentColumns.InvestmentType,
        ],
        [Metrics] = [MetricColumns.ProjectId, MetricColumns.Id, MetricColumns.Definition, MetricColumns.TargetedServiceUsers, MetricColumns.ValidationMethod, MetricColumns.PolicySector],
        [Pricings] = [PricingColumns.ProjectId, PricingColumns.MetricId, PricingColumns.Currency, PricingColumns.PricePerUnit, PricingColumns.PricePerUnitUsd, PricingColumns.MaximumPrice],
        [Results] =
        [
            ResultColumns.ProjectId, ResultColumns.MetricId, ResultColumns.ResultType, ResultColumns.PeriodStart, ResultColumns.PeriodEnd,
            ResultColumns.OutcomesAchieved, ResultColumns.NumberEngaged, ResultColumns.Validator,
        ],
        [Payments] =
        [
            PaymentColumns.ProjectId, PaymentColumns.MetricId, PaymentColumns.PeriodStart, PaymentColumns.PeriodEnd, PaymentColumns.PayerId,
            PaymentColumns.RecipientId, PaymentColumns.Type, PaymentColumns.Currency, PaymentColumns.Amount, PaymentColumns.AmountUsd,
        ],
    };

    /// <summary>Columns of <c>organisations.csv</c>.</summary>
    public static class OrganisationColumns
    {
        public const string Id = "ID";
        public const string Name = "Name";
        public const string Type = "Type - (Value)";
        public const string Country = "Country";
    }

    /// <summary>Columns of <c>funds.csv</c>.</summary>
    public static class FundColumns
    {
        public const string Id = "ID";
        public const string Name = "Fund - Name";
        public const string Stage = "Fund - Stage of Development - (Value)";
        public const string Country = "Fund - Country";
        public const string Currency = "Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - Currency";
        public const string ActualAmount = "Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - Actual - Amount - (Value)";
        public const string ActualAmountUsd = "Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - Actual - Amount USD - (Value)";
    }

    /// <summary>Columns of <c>projects.csv</c>.</summary>
    public static class ProjectColumns
    {
        public const string Id = "ID";
        public const string Name = "Impact Bond Name - (Value)";
        public const string Stage = "Stage of Development - (Value)";
        public const string Jurisdiction = "Jurisdiction - Jurisdiction - (Value)";
        public const string PolicySector = "Purpose and classifications - Policy sector - (Value)";
        public const string OutcomesContractSigned = "Dates - Date outcomes contract signed - (Value)";
        public const string ServiceStart = "Dates - Start date of service provision - (Value)";
        public const string ServiceEnd = "Dates - Actual end date of service provision - (Value)";
        public const string MaxOutcomePaymentCurrency = "Overall project finance - Maximum potential outcome payment - Currency - (Value)";
        public const string MaxOutcomePaymentAmount = "Overall project finance - Maximum potential outcome payment - Amount - (Value)";
        public const string MaxOutcomePaymentUsd = "Overall project finance - Maximum potential outcome payment - Amount USD - (Value)";
        public const string InvestmentCurrency = "Overall project finance - Total investment commitment - Currency - (Value)";
        public const string InvestmentAmount = "Overall project finance - Total investment commitment - Amount - Exact - (Value)";
        public const string InvestmentUsd = "Overall project finance - Total investment commitment - Amount USD - Exact - (Value)";
        public const string TargetedServiceUsers = "Service and beneficiaries - Targeted number of unique service users or beneficiaries (total) - (Value)";
        public const string ActualServiceUsers = "Service and beneficiaries - Actual number of unique service users or beneficiaries engaged (total) - (Value)";
    }

    /// <summary>Columns of <c>projects_outcome_funds.csv</c>.</summary>
    public static class ProjectOutcomeFundColumns
    {
        public const string ProjectId = "Project ID";
        public const string FundId = "Id";
    }

    /// <summary>Columns of <c>projects_outcome_payment_commitments.csv</c>.</summary>
    public static class CommitmentColumns
    {
        public const string ProjectId = "Project ID";
        public const string OrganisationId = "Organisation ID - (Value)";
        public const string MaxCurrency = "Maximum potential Outcome payment - Currency - (Value)";
        public const string MaxAmount = "Maximum potential Outcome payment - Amount - (Value)";
        public const string MaxAmountUsd = "Maximum potential Outcome payment - Amount USD - (Value)";
        public const string PeriodStart = "Period - Start - (Value)";
        public const string PeriodEnd = "Period - End - (Value)";
        public const string PaidCurrency = "Total outcome payments made - Currency - (Value)";
        public const string PaidAmount = "Total outcome payments made - Amount - (Value)";
        public const string PaidAmountUsd = "Total outcome payments made - Amount USD - (Value)";
    }

    /// <summary>Columns of <c>projects_investments.csv</c>.</summary>
    public static class InvestmentColumns
    {
        public const string ProjectId = "Project ID";
        public const string Id = "Id";
        public const string OrganisationId = "Organisation ID - (Value)";
        public const string Currency = "Investment Commitment - Currency - (Value)";
        public const string Amount = "Investment Commitment - Amount - Exact - (Value)";
        public const string AmountUsd = "Investment Commitment - Amount USD - Exact - (Value)";
        public const string InvestmentType = "Investment Type - (Value)";
    }

    /// <summary>Columns of <c>projects_outcome_metrics.csv</c>.</summary>
    public static class MetricColumns
    {
        public const string ProjectId = "Project ID";
        public const string Id = "Id";
        public const string Definition = "Outcome Definition - (Value)";
        public const string TargetedServiceUsers = "Targeted number of service users Or beneficiaries (total) - (Value)";
        public const string ValidationMethod = "Outcome validation Method - (Value)";
        public const string PolicySector = "Policy sector - (Value)";
    }

    /// <summary>Columns of <c>projects_outcome_pricings.csv</c>.</summary>
    public static class PricingColumns
    {
        public const string ProjectId = "Project ID";
        public const string MetricId = "Outcome Metric Id - (Value)";
        public const string Currency = "Currency - (Value)";
        public const string PricePerUnit = "Price Per Unit - Amount - (Value)";
        public const string PricePerUnitUsd = "Price Per Unit - Amount USD - (Value)";
        public const string MaximumPrice = "Maximum Price if all targets achieved - Amount - (Value)";
    }

    /// <summary>Columns of <c>projects_results.csv</c>.</summary>
    public static class ResultColumns
    {
        public const string ProjectId = "Project ID";
        public const string MetricId = "Outcome Metric Id - (Value)";
        public const string ResultType = "Result type - (Value)";
        public const string PeriodStart = "Period - Start - (Value)";
        public const string PeriodEnd = "Period - End - (Value)";
        public const string OutcomesAchieved = "Outcomes achieved - (Value)";
        public const string NumberEngaged = "Number engaged In impact bond - (Value)";
        public const string Validator = "Outcomes validator(s) - (Value)";

        /// <summary>Optional: people with a positive social outcome, a count that cannot exceed the number engaged.</summary>
        public const string NumberWithPositiveOutcomes = "Number with Positive social outcomes - (Value)";
    }

    /// <summary>Columns of <c>projects_outcome_payments.csv</c>.</summary>
    public static class PaymentColumns
    {
        public const string ProjectId = "Project ID";
        public const string MetricId = "Outcome Metric Id - (Value)";
        public const string PeriodStart = "Period - Start - (Value)";
        public const string PeriodEnd = "Period - End - (Value)";
        public const string PayerId = "Payer Organisation ID - (Value)";
        public const string RecipientId = "Recipient Organisation ID - (Value)";
        public const string Type = "Type - (Value)";
        public const string Currency = "Payments - Currency - (Value)";
        public const string Amount = "Payments - Amount - (Value)";
        public const string AmountUsd = "Payments - Amount USD - (Value)";
    }
}
