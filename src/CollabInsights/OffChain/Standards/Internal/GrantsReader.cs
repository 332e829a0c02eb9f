using System.Text;
using System.Text.Json;
using CollabInsights.Domain;
using static CollabInsights.OffChain.Standards.Internal.JsonArrayStream;

namespace CollabInsights.OffChain.Standards.Internal;

/// <summary>
/// Streams 360Giving grants, from the JSON package (<c>{"grants": [...]}</c>, row = 1-based index in the array, column =
/// JSON field name) or the flat CSV layout (row = 1-based data row, header excluded; column = the CSV header), and maps
/// each into the domain model: the grant is a project, the funding organisation commits the amount awarded, the amount
/// disbursed (when given) is an actual payment from funder to recipient.
/// </summary>
internal sealed class GrantsReader(DatasetBuilder builder, string file)
{
    private static readonly HashSet<string> Arrays = new(StringComparer.Ordinal) { "grants" };

    private readonly bool _csv = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public void ReadJson(Stream stream, CancellationToken ct)
    {
        var seen = JsonArrayStream.Read(stream, file, Arrays, (_, index, g) =>
        {
            if (g.ValueKind != JsonValueKind.Object)
            {
                builder.Invalid(file, index, "grants", g.ValueKind.ToString(), $"grants[{index}] is not an object: skipped");
                return;
            }

            var funder = Items(g, "fundingOrganization").FirstOrDefault();
            var recipient = Items(g, "recipientOrganization").FirstOrDefault();
            var planned = Items(g, "plannedDates").FirstOrDefault();
            Map(new GrantRow(index, Text(g, "id"), Text(g, "title"), Text(g, "currency"), Text(g, "amountAwarded"), Text(g, "awardDate"),
                Text(funder, "id"), Text(funder, "name"), Text(recipient, "id"), Text(recipient, "name"), Text(g, "amountDisbursed"),
                Text(planned, "startDate"), Text(planned, "endDate"),
                Items(g, "beneficiaryLocation").Select(l => Text(l, "countryCode")).FirstOrDefault(c => c is not null),
                Items(g, "grantProgramme").Select(p => Text(p, "title")).FirstOrDefault(t => t is not null)));
        }, ct);
        if (!seen.Contains("grants"))
        {
            throw new CollabInsightsException($"{file}: no \"grants\" array at the top level (found: {string.Join(", ", seen)}). Pass a 360Giving JSON package.");
        }
    }

    public void ReadCsv(Stream stream, CancellationToken ct)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var csv = new CsvStream(text, file);
        var header = csv.Next() ?? throw new CollabInsightsException($"{file} is empty: expected a 360Giving CSV header (Identifier, Title, Currency, Amount Awarded, Award Date, Funding Org:Identifier, Recipient Org:Identifier, ...).");
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(Normalise(header[i]), i);
        }

        string[] required = ["Identifier", "Currency", "Amount Awarded", "Award Date", "Funding Org:Identifier", "Recipient Org:Identifier"];
        var missing = required.Where(c => !index.ContainsKey(Normalise(c))).ToList();
        if (missing.Count > 0)
        {
            throw new CollabInsightsException($"{file}: the header lacks {string.Join(", ", missing.Select(c => $"'{c}'"))}, required by the 360Giving standard. Check that the file is a 360Giving CSV export (columns by title, e.g. 'Funding Org:Identifier').");
        }

        var row = 0;
        while (csv.Next() is { } cells)
        {
            row++;
            string? Cell(string name) => index.TryGetValue(Normalise(name), out var i) && i < cells.Count && cells[i].Trim() is { Length: > 0 } v ? v : null;
            Map(new GrantRow(row, Cell("Identifier"), Cell("Title"), Cell("Currency"), Cell("Amount Awarded"), Cell("Award Date"),
                Cell("Funding Org:Identifier"), Cell("Funding Org:Name"), Cell("Recipient Org:Identifier"), Cell("Recipient Org:Name"), Cell("Amount Disbursed"),
                Cell("Planned Dates:Start Date"), Cell("Planned Dates:End Date"), Cell("Beneficiary Location:Country Code"), Cell("Grant Programme:Title")));
            if ((row & 1023) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }
    }

    // "Recipient Org:0:Identifier" and "Recipient Org:Identifier" name the same field (the first item of the list).
    private static string Normalise(string header) => header.Trim().Replace(":0:", ":", StringComparison.Ordinal);

    private string Column(string json, string csv) => _csv ? csv : json;

    private void Map(GrantRow g)
    {
        if (g.Id is null)
        {
            builder.Invalid(file, g.Row, Column("id", "Identifier"), string.Empty, "missing grant identifier: the grant is skipped");
            return;
        }

        var here = new FileProvenance(file, g.Row);
        builder.Organisation(g.FunderId, g.FunderName, "funder", here);
        builder.Organisation(g.RecipientId, g.RecipientName, "recipient", here);
        if (g.FunderId is null)
        {
            builder.Invalid(file, g.Row, Column("fundingOrganization/id", "Funding Org:Identifier"), string.Empty, "missing funding organisation identifier: the grant has no funder to link");
        }

        if (g.RecipientId is null)
        {
            builder.Invalid(file, g.Row, Column("recipientOrganization/id", "Recipient Org:Identifier"), string.Empty, "missing recipient organisation identifier: the grant has no recipient to link");
        }

        var award = Date(g.AwardDate, g.Row, Column("awardDate", "Award Date"));
        var start = Date(g.PlannedStart, g.Row, Column("plannedDates/startDate", "Planned Dates:Start Date"));
        var end = Date(g.PlannedEnd, g.Row, Column("plannedDates/endDate", "Planned Dates:End Date"));
        string? currency = null;
        if (g.Currency is null || !Iso4217.IsKnown(g.Currency))
        {
            builder.Invalid(file, g.Row, Column("currency", "Currency"), g.Currency ?? string.Empty, "missing or unknown currency: expected an ISO 4217 code such as GBP");
        }
        else
        {
            currency = g.Currency;
        }

        var awarded = Amount(g.AmountAwarded, currency, g.Row, Column("amountAwarded", "Amount Awarded"));
        var disbursed = Amount(g.AmountDisbursed, currency, g.Row, Column("amountDisbursed", "Amount Disbursed"));
        if (!builder.Project(new Project(g.Id, g.Title ?? g.Id, null, g.CountryCode, g.Programme, award, start, end, awarded, awarded?.Currency == "USD" ? awarded.Value.Amount : null, null, null, null, null, here),
            file, g.Row, Column("id", "Identifier")))
        {
            return;
        }

        if (g.AmountAwarded is not null)
        {
            builder.Transactions++;
        }

        if (g.AmountDisbursed is not null)
        {
            builder.Transactions++;
        }

        if (!builder.Keep)
        {
            return;
        }

        builder.Commitments.Add(new FundingCommitment(g.Id, g.FunderId, OrganisationRole.OutcomePayer, awarded, awarded?.Currency == "USD" ? awarded.Value.Amount : null, start ?? award, end, disbursed, null, here));
        if (disbursed is { } paid)
        {
            builder.Payments.Add(new OutcomePayment(g.Id, null, start ?? award, end, g.FunderId, g.RecipientId, PaymentType.Actual, paid, paid.Currency == "USD" ? paid.Amount : null, null, here));
        }
    }

    private Money? Amount(string? text, string? currency, int row, string column)
    {
        if (text is null)
        {
            return null;
        }

        var number = StandardValues.Number(text);
        if (number is null)
        {
            builder.Invalid(file, row, column, text, "not an amount: expected a number such as 25000 or 25000.50");
            return null;
        }

        return currency is null ? null : new Money(number.Value, currency);
    }

    private PartialDate? Date(string? text, int row, string column)
    {
        var (date, note, error) = StandardValues.Date(text, dayFirst: true);
        if (error is not null)
        {
            builder.Invalid(file, row, column, text!, error);
        }
        else if (note is not null)
        {
            builder.Warning(file, row, column, text!, note);
        }

        return date;
    }
}
