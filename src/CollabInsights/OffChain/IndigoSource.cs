using CollabInsights.Domain;
using CollabInsights.OffChain.Internal;

namespace CollabInsights.OffChain;

/// <summary>
/// Reads the GO Lab INDIGO impact bond export ("all data per data type, CSV"), as a folder of CSV
/// files or as the zip as downloaded, into a <see cref="CollabDataset"/> plus every problem found.
/// </summary>
/// <remarks>
/// <para><b>Files and columns.</b> The files in <see cref="IndigoLayout.LoadedFiles"/> are read;
/// columns are matched by header name (<see cref="IndigoLayout.RequiredColumns"/>, ignoring case and
/// surrounding spaces). A missing file or a missing required column throws a
/// <see cref="CollabInsightsException"/> naming the file and the columns expected. A row number is
/// the 1-based record number in its file, header excluded (blank lines are not records).</para>
/// <para><b>Cells.</b> Surrounding white space is removed from every cell before it is read; a cell
/// that is then empty is a missing value and raises no problem. Problems record the cell as written.</para>
/// <list type="bullet">
/// <item><b>Required keys</b> (row skipped, Invalid, no other problem reported for that row):
/// <c>ID</c> of projects, organisations and funds (empty: "missing id"; seen before in the file:
/// "duplicate id"); <c>Project ID</c> of every other file (empty, or, when references are checked,
/// not an ID of a loaded project); metric <c>Id</c> (empty, or a (project, id) pair seen before);
/// the fund <c>Id</c> of projects_outcome_funds.csv (empty, or not a loaded fund). An investment
/// <c>Id</c> is optional, but a non-empty (project, id) pair seen before skips the row.</item>
/// <item><b>Organisation references</b> (payer, recipient, commitment and investment organisation):
/// one id or a comma-separated list of joint ids; any id not in organisations.csv makes the field
/// null with an Invalid problem listing the unknown ids.</item>
/// <item><b>Dates</b>: <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c> with a real month and day;
/// otherwise (e.g. <c>2018-13</c>) Invalid and null.</item>
/// <item><b>Counts</b>: outcomes achieved and number engaged must be plain numbers
/// (<c>-?digits(.digits)?</c>); targeted and actual service users must be whole numbers (digits
/// only); otherwise Invalid and null.</item>
/// <item><b>Currency cells</b>: a known ISO 4217 code (<see cref="Iso4217"/>, exact upper case) is
/// used as is; a currency name that designates one currency (Japanese Yen, Russian Ruble(s), Swiss
/// Franc(s), South African Rand, South Korean Won, Israeli New Shekel(s), NZ Dollar; any case) is
/// read as its code with a Warning; anything else (e.g. <c>Swedish</c>) is Invalid: "unknown currency code".</item>
/// <item><b>Amount cells</b> (money in the row's currency; "Amount USD" cells use USD as the row currency):
/// <list type="number">
/// <item>a plain number <c>-?digits(.digits)?</c> is the amount; when the row's currency cell is
/// empty the amount cannot be used: Invalid "amount without a currency" (when the currency cell is
/// invalid, that cell's problem is the only one reported and the amount is null);</item>
/// <item>a cell starting with <c>=</c> is a spreadsheet formula: Invalid;</item>
/// <item>a currency symbol alone (<c>$</c>, <c>US$</c>, <c>C$</c>, <c>A$</c>, <c>NZ$</c>, <c>£</c>,
/// <c>€</c>, <c>¥</c>, <c>CHF</c>) is read as no amount, with a Warning;</item>
/// <item>an optional symbol, an optional space, then digits grouped by commas in threes
/// (<c>10,000,000</c>, optional <c>.digits</c>) or plain digits, is normalised with a Warning, provided
/// that (a) the number is not ambiguous: a single <c>.</c> followed by exactly three digits
/// (<c>CHF 290.000</c>: thousands or decimals?) always is, and a single <c>,</c> followed by exactly
/// three digits (<c>1,500</c>) is unless the symbol is one of <c>$ US$ C$ A$ NZ$ £ ¥</c>, currencies
/// written in English notation where the comma separates thousands (so <c>C$300,000</c> is 300000 CAD);
/// ambiguous amounts are Invalid, (b) without a symbol the number has commas
/// (else rule 1 applies), (c) the symbol can stand for the row's currency (<c>$</c>: USD, CAD, AUD,
/// NZD, SGD, HKD; <c>¥</c>: JPY, CNY; the others one currency each), else Invalid; when the row's
/// currency cell is empty, a symbol standing for one currency supplies it (Warning), a shared symbol
/// (<c>$</c>, <c>¥</c>) is Invalid, and no symbol is Invalid "amount without a currency";</item>
/// <item>anything else (<c>C$1.3M</c>, <c>¥9.76 million</c>, <c>68,000,000 rubles</c>, notes in
/// brackets, two amounts in one cell) is Invalid: "not an amount".</item>
/// </list></item>
/// <item><b>Payment type</b>: <c>Planned</c> or <c>Actual</c> (exact); empty gives a Warning and
/// <see cref="PaymentType.Unspecified"/>; any other text is Invalid and Unspecified.</item>
/// </list>
/// <para>Problems are listed in load order: file (as in <see cref="IndigoLayout.LoadedFiles"/>), row,
/// then column in the order of <see cref="IndigoLayout.RequiredColumns"/>.</para>
/// </remarks>
public static class IndigoSource
{
    /// <summary>
    /// Loads and validates the export at <paramref name="path"/> (a folder, or the zip; the CSV files may
    /// sit at the root or in one subfolder). Bad values become <see cref="DataProblem"/>s; good rows load.
    /// Throws <see cref="CollabInsightsException"/> when the path, a file or a required column is missing.
    /// </summary>
    public static async Task<LoadResult<CollabDataset>> LoadAsync(
        string path,
        IndigoLoadOptions? options = null,
        IProgress<IndigoLoadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var files = await IndigoFileSet.OpenAsync(path, IndigoLayout.LoadedFiles, cancellationToken).ConfigureAwait(false);
        return Load(files, options ?? IndigoLoadOptions.Default, progress, cancellationToken);
    }

    internal static LoadResult<CollabDataset> Load(IndigoFileSet files, IndigoLoadOptions options, IProgress<IndigoLoadProgress>? progress, CancellationToken ct)
    {
        var loader = new IndigoLoader(files, options, progress, ct);
        return loader.Run();
    }
}
