namespace CollabInsights.Scenarios.Internal;

/// <summary>
/// File names and header lines of the INDIGO "all data per data type, CSV" export (as pulled on 2025-05-20),
/// copied exactly so generated scenarios are read by the same loader as the real export.
/// </summary>
internal static class IndigoExportHeaders
{
    public const string ProjectsFile = "projects.csv";

    public const string ProjectsHeader = "ID,Impact Bond Name - (Value),Alternative Names - (Value),Stage of Development - (Value),Stage of Development - (Source ID's),Social Investment Prototype - (Value),Dates - Date outcomes contract signed - (Value),Dates - Date contracts between all parties signed - (Value),Dates - Anticipated completion date - (Value),Dates - Actual completion date - (Value),Dates - Start date of service provision - (Value),Dates - Anticipated end date of service provision - (Value),Dates - Actual end date of service provision - (Value),Dates - Anticipated duration of service provision - (Value),Dates - Actual duration of service provision - (Value),Dates - (Source ID's),Dates - (Notes),Jurisdiction - Jurisdiction - (Value),Jurisdiction - (Source ID's),Jurisdiction - (Notes),Overall project finance - Total investment commitment - Currency - (Value),Overall project finance - Total investment commitment - Amount - Min - (Value),Overall project finance - Total investment commitment - Amount - Exact - (Value),Overall project finance - Total investment commitment - Amount - Max - (Value),Overall project finance - Total investment commitment - Amount USD - Min - (Value),Overall project finance - Total investment commitment - Amount USD - Exact - (Value),Overall project finance - Total investment commitment - Amount USD - Max - (Value),Overall project finance - Maximum potential outcome payment - Currency - (Value),Overall project finance - Maximum potential outcome payment - Amount - (Value),Overall project finance - Maximum potential outcome payment - Amount USD - (Value),Overall project finance - Maximum potential loss - (Value),Overall project finance - Maximum potential return type - (Value),Overall project finance - Maximum potential return - (Value),Overall project finance - Configuration of the Contracting Parties - (Value),Overall project finance - Investor repayment - (Value),Overall project finance - Total outcome payments made - Currency - (Value),Overall project finance - Total outcome payments made - Amount - (Value),Overall project finance - Total outcome payments made - Amount USD - (Value),Overall project finance - (Source ID's),Overall project finance - (Notes),Investment Details - Total Funds Invested - Latest - Currency - (Value),Investment Details - Total Funds Invested - Latest - Amount - (Value),Investment Details - Total Funds Invested - Latest - Amount USD - (Value),Investment Details - Total Funds Invested - Latest - Date - (Value),Investment Details - Internal Rate of Return - Target - (Value),Investment Details - Internal Rate of Return - Latest - (Value),Investment Details - Internal Rate of Return - Date - (Value),Investment Details - (Source ID's),Investment Details - (Notes),Purpose and classifications - Social challenge - (Value),Purpose and classifications - Intervention - (Value),Purpose and classifications - Policy sector - (Value),Purpose and classifications - Primary SDG goal - (Value),Purpose and classifications - Secondary SDG goals - (Value),Purpose and classifications - Primary SDG target - (Value),Purpose and classifications - Secondary SDG targets - (Value),Purpose and classifications - (Source ID's),Purpose and classifications - (Notes),Service and beneficiaries - Target population - (Value),Service and beneficiaries - Targeted number of unique service users or beneficiaries (total) - (Value),Service and beneficiaries - Unit type of targeted service users or beneficiaries - (Value),Service and beneficiaries - Unit description of targeted service user or beneficiaries - (Value),Service and beneficiaries - Actual number of unique service users or beneficiaries engaged (total) - (Value),Service and beneficiaries - Unit type of actual service users or beneficiaries engaged - (Value),Service and beneficiaries - Unit description of actual service user or beneficiaries engaged - (Value),Service and beneficiaries - (Source ID's),Service and beneficiaries - (Notes),Changes to project due to COVID-19 - (Value),Changes to project due to COVID-19 - (Source ID's),Notes - (Value)";

    public const string OrganisationsFile = "organisations.csv";

    public const string OrganisationsHeader = "ID,Name,Trading Name,Translated Official Name - English,Translated Official Name - Source Language,Description,Jurisdiction,Type - (Value),ORG-Ids - Primary,Contact - Name - (Value),Contact - Job title - (Value),Contact - Profile - (Value),Contact - Email - (Value),Contact - Twitter - (Value),Contact - LinkedIn - (Value),Website,Address,Postcode,Country";

    public const string FundsFile = "funds.csv";

    public const string FundsHeader = "ID,Fund - Name,Fund - Stage of Development - (Value),Fund - Host institution of Outcome Fund,Fund - Mechanism,Fund - Dates - Expression of interest - (Value),Fund - Dates - Launch date - (Value),Fund - Dates - Anticipated End date - (Value),Fund - Dates - Actual End date - (Value),Fund - Dates - (Notes),Fund - Purpose and classifications - Purpose,Fund - Purpose and classifications - Primary SDG goal,Fund - Purpose and classifications - Secondary SDG goals,Fund - Purpose and classifications - Primary SDG target,Fund - Purpose and classifications - Secondary SDG targets,Fund - Purpose and classifications - (Notes),Fund - Service and beneficiaries - Target population,Fund - Service and beneficiaries - Targeted number of unique service users or beneficiaries (total) - (Value),Fund - Service and beneficiaries - Unit type of targeted service users or beneficiaries - (Value),Fund - Service and beneficiaries - Unit description of targeted service user or beneficiaries,Fund - Service and beneficiaries - (Notes),Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - Currency,Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - Aspiration - Amount - (Value),Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - Aspiration - Amount USD - (Value),Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - Actual - Amount - (Value),Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - Actual - Amount USD - (Value),Fund - Dimensions of Scale - Total Outcome Fund value (outcomes funding) - (Notes),Fund - Dimensions of Scale - Total value of repayable investment linked to Outcome Fund - Currency,Fund - Dimensions of Scale - Total value of repayable investment linked to Outcome Fund - Aspiration - Amount - (Value),Fund - Dimensions of Scale - Total value of repayable investment linked to Outcome Fund - Aspiration - Amount USD - (Value),Fund - Dimensions of Scale - Total value of repayable investment linked to Outcome Fund - Actual - Amount - (Value),Fund - Dimensions of Scale - Total value of repayable investment linked to Outcome Fund - Actual - Amount USD - (Value),Fund - Dimensions of Scale - Total value of repayable investment linked to Outcome Fund - (Notes),Fund - Dimensions of Scale - Number of outcome contracts - Aspiration - (Value),Fund - Dimensions of Scale - Number of outcome contracts - Actual - (Value),Fund - Dimensions of Scale - Number of outcome contracts - (Notes),Fund - Dimensions of Scale - Number of Contributing Outcome Funders - Aspiration - (Value),Fund - Dimensions of Scale - Number of Contributing Outcome Funders - Actual - (Value),Fund - Dimensions of Scale - Number of Contributing Outcome Funders - (Notes),Fund - Dimensions of Scale - Number of independent investor organisations - Aspiration - (Value),Fund - Dimensions of Scale - Number of independent investor organisations - Actual - (Value),Fund - Dimensions of Scale - Number of independent investor organisations - (Notes),Fund - Identifier Scheme,Fund - Identifier,Fund - Country";

    public const string ProjectOutcomeFundsFile = "projects_outcome_funds.csv";

    public const string ProjectOutcomeFundsHeader = "Project ID,Id,Sources,Notes";

    public const string CommitmentsFile = "projects_outcome_payment_commitments.csv";

    public const string CommitmentsHeader = "Project ID,Organisation ID - (Value),Organisation Role Category - (Value),Maximum potential Outcome payment - Currency - (Value),Maximum potential Outcome payment - Amount - (Value),Maximum potential Outcome payment - Amount USD - (Value),Result type - (Value),Period - Start - (Value),Period - End - (Value),Total outcome payments made - Currency - (Value),Total outcome payments made - Amount - (Value),Total outcome payments made - Amount USD - (Value),Alterations to payment commitment - Description - (Value),Alterations to payment commitment - Reason - (Value),Sources,Notes";

    public const string InvestmentsFile = "projects_investments.csv";

    public const string InvestmentsHeader = "Project ID,Id,Organisation ID - (Value),Organisation Role Category - (Value),Investment Commitment - Currency - (Value),Investment Commitment - Amount - Min - (Value),Investment Commitment - Amount - Exact - (Value),Investment Commitment - Amount - Max - (Value),Investment Commitment - Amount USD - Min - (Value),Investment Commitment - Amount USD - Exact - (Value),Investment Commitment - Amount USD - Max - (Value),Maximum Potential loss - (Value),Maximum Potential Return Type - (Value),Maximum Potential Return - (Value),Investor Repayment - (Value),Investment Type - (Value),Sources,Notes";

    public const string MetricsFile = "projects_outcome_metrics.csv";

    public const string MetricsHeader = "Project ID,Id,Outcome Definition - (Value),Target Population - (Value),Targeted number of service users Or beneficiaries (total) - (Value),Unit type of targeted Service users or beneficiaries - (Value),Unit description of Service user or beneficiaries - (Value),Outcome metric target - (Value),Other target for Meeting outcome metric target - (Value),Outcome validation Method - (Value),Data source for Outcome validation - (Value),Policy sector - (Value),Primary SDG goal - (Value),Secondary SDG goals - (Value),Primary SDG target - (Value),Secondary SDG targets - (Value),Sources,Notes";

    public const string PricingsFile = "projects_outcome_pricings.csv";

    public const string PricingsHeader = "Project ID,Outcome Metric Id - (Value),Currency - (Value),Price Per Unit - Amount - (Value),Price Per Unit - Amount USD - (Value),Maximum Price if all targets achieved - Amount - (Value),Contracted increases to outcome pricing - (Value),Price Description - (Value),Sources,Notes";

    public const string ResultsFile = "projects_results.csv";

    public const string ResultsHeader = "Project ID,Outcome Metric Id - (Value),Result level - (Value),Result type - (Value),Period - Start - (Value),Period - End - (Value),Outcomes achieved - (Value),Number engaged In impact bond - (Value),Number with Positive social outcomes - (Value),Other Description of result - (Value),Outcomes validator(s) - (Value),Evaluation Documents - (Value),Sources,Notes,(In Sandboxes)";

    public const string PaymentsFile = "projects_outcome_payments.csv";

    public const string PaymentsHeader = "Project ID,Outcome Payment Plan Id - (Value),Outcome Metric Id - (Value),Period - Start - (Value),Period - End - (Value),Payer Organisation ID - (Value),Recipient Organisation ID - (Value),Type - (Value),Payments - Currency - (Value),Payments - Amount - (Value),Payments - Amount USD - (Value),(In Sandboxes),Sources,Notes";

    /// <summary>The header line of <paramref name="file"/>.</summary>
    public static string HeaderOf(string file) => file switch
    {
        ProjectsFile => ProjectsHeader,
        OrganisationsFile => OrganisationsHeader,
        FundsFile => FundsHeader,
        ProjectOutcomeFundsFile => ProjectOutcomeFundsHeader,
        CommitmentsFile => CommitmentsHeader,
        InvestmentsFile => InvestmentsHeader,
        MetricsFile => MetricsHeader,
        PricingsFile => PricingsHeader,
        ResultsFile => ResultsHeader,
        PaymentsFile => PaymentsHeader,
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "not a file of the INDIGO layout"),
    };

    /// <summary>Every file a scenario contains, in writing order.</summary>
    public static readonly IReadOnlyList<string> Files = [ProjectsFile, OrganisationsFile, FundsFile, ProjectOutcomeFundsFile, CommitmentsFile, InvestmentsFile, MetricsFile, PricingsFile, ResultsFile, PaymentsFile];
}
