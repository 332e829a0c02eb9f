using System.Text.Json;
using CollabInsights.Domain;
using static CollabInsights.OffChain.Standards.Internal.JsonArrayStream;

namespace CollabInsights.OffChain.Standards.Internal;

/// <summary>
/// Streams OCDS release packages and record packages. Releases of one contracting process (ocid) are merged in file
/// order: parties, awards, contracts, transactions and metrics by their <c>id</c>, a later release's fields replacing an
/// earlier one's. A record contributes its <c>compiledRelease</c>, or else its embedded releases. Rows in provenance
/// and problems are the 1-based index of the release or record in its array.
/// </summary>
internal sealed class OcdsReader(DatasetBuilder builder, string file)
{
    private static readonly HashSet<string> Arrays = new(StringComparer.Ordinal) { "releases", "records" };
    private readonly Dictionary<string, Process> _processes = new(StringComparer.Ordinal);
    private readonly List<Process> _order = [];

    public void Read(Stream stream, CancellationToken ct)
    {
        var seen = JsonArrayStream.Read(stream, file, Arrays, (array, index, element) =>
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                builder.Invalid(file, index, array, element.ValueKind.ToString(), $"{array}[{index}] is not an object: skipped");
                return;
            }

            if (array == "releases")
            {
                Merge(element, index, "releases");
                return;
            }

            var compiled = Get(element, "compiledRelease");
            if (compiled.ValueKind == JsonValueKind.Object)
            {
                Merge(compiled, index, "records/compiledRelease");
                return;
            }

            var embedded = Items(element, "releases").Where(r => r.ValueKind == JsonValueKind.Object && Text(r, "ocid") is not null).ToList();
            if (embedded.Count == 0)
            {
                builder.Invalid(file, index, "records/compiledRelease", Text(element, "ocid") ?? string.Empty,
                    "record without a compiledRelease or embedded releases (linked releases only): nothing to read; publish the compiled release or pass the release package");
                return;
            }

            foreach (var r in embedded)
            {
                Merge(r, index, "records/releases");
            }
        }, ct);
        if (!seen.Contains("releases") && !seen.Contains("records"))
        {
            throw new CollabInsightsException($"{file}: no \"releases\" or \"records\" array at the top level (found: {string.Join(", ", seen)}). Pass an OCDS release package or record package.");
        }

        foreach (var p in _order)
        {
            Emit(p);
        }
    }

    private void Merge(JsonElement release, int row, string where)
    {
        var ocid = Text(release, "ocid");
        if (string.IsNullOrWhiteSpace(ocid))
        {
            builder.Invalid(file, row, where + "/ocid", string.Empty, "missing ocid: the release is skipped");
            return;
        }

        if (!_processes.TryGetValue(ocid, out var p))
        {
            p = new Process(ocid, row);
            _processes[ocid] = p;
            _order.Add(p);
        }

        var tags = Items(release, "tag").Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : null).Where(t => t is not null).ToList();
        if (tags.Count > 0)
        {
            p.Stage = string.Join(",", tags);
        }

        var tender = Get(release, "tender");
        p.Title = Text(tender, "title") ?? Text(Get(Get(release, "planning"), "budget"), "project") ?? p.Title;
        p.Category = Text(tender, "mainProcurementCategory") ?? p.Category;
        var buyer = Get(release, "buyer");
        if ((Text(buyer, "id") ?? Text(buyer, "name")) is { } buyerId)
        {
            p.Buyer = buyerId;
            builder.Organisation(buyerId, Text(buyer, "name"), "buyer", new FileProvenance(file, row));
        }

        foreach (var party in Items(release, "parties"))
        {
            var id = Text(party, "id");
            if (id is null)
            {
                builder.Invalid(file, row, where + "/parties/id", Text(party, "name") ?? string.Empty, "party without an id: not linked");
                continue;
            }

            var roles = Items(party, "roles").Select(r => r.GetString()).ToList();
            builder.Organisation(id, Text(party, "name"), roles.Count > 0 ? string.Join(",", roles) : null, new FileProvenance(file, row));
            if (roles.Contains("buyer"))
            {
                p.Buyer ??= id;
            }
        }

        foreach (var award in Items(release, "awards"))
        {
            var id = Text(award, "id") ?? "(no id)";
            var a = p.Awards.TryGetValue(id, out var known) ? known : p.Awards[id] = new Award(row);
            a.Row = row;
            if (Get(award, "value").ValueKind == JsonValueKind.Object)
            {
                a.Value = ReadMoney(Get(award, "value"), row, $"{where}/awards[{id}]/value");
            }

            var suppliers = Items(award, "suppliers").Select(s => Text(s, "id") ?? Text(s, "name")).Where(s => s is not null).ToList();
            if (suppliers.Count > 0)
            {
                a.Suppliers = suppliers!;
            }

            ReadMetrics(p, Items(award, "agreedMetrics"), $"award-{id}", IndicatorValueKind.Target, row, $"{where}/awards[{id}]/agreedMetrics");
        }

        foreach (var contract in Items(release, "contracts"))
        {
            var id = Text(contract, "id") ?? "(no id)";
            var c = p.Contracts.TryGetValue(id, out var known) ? known : p.Contracts[id] = new Contract(row);
            c.Row = row;
            c.AwardId = Text(contract, "awardID") ?? c.AwardId;
            if (Get(contract, "value").ValueKind == JsonValueKind.Object)
            {
                c.Value = ReadMoney(Get(contract, "value"), row, $"{where}/contracts[{id}]/value");
            }

            ReadMetrics(p, Items(contract, "agreedMetrics"), $"contract-{id}", IndicatorValueKind.Target, row, $"{where}/contracts[{id}]/agreedMetrics");
            var implementation = Get(contract, "implementation");
            foreach (var t in Items(implementation, "transactions"))
            {
                var tid = Text(t, "id") ?? $"(no id {c.Transactions.Count + 1})";
                var path = $"{where}/contracts[{id}]/implementation/transactions[{tid}]";
                var value = Get(t, "value").ValueKind == JsonValueKind.Object ? Get(t, "value") : Get(t, "amount"); // 1.1 value, 1.0 amount
                c.Transactions[tid] = new Txn(
                    Text(Get(t, "payer"), "id") ?? Text(Get(t, "providerOrganization"), "id") ?? Text(Get(t, "payer"), "name"),
                    Text(Get(t, "payee"), "id") ?? Text(Get(t, "receiverOrganization"), "id") ?? Text(Get(t, "payee"), "name"),
                    value.ValueKind == JsonValueKind.Object ? ReadMoney(value, row, path + "/value") : Missing(row, path + "/value"),
                    Date(Text(t, "date"), row, path + "/date"),
                    row);
            }

            ReadMetrics(p, Items(implementation, "metrics"), $"contract-{id}", IndicatorValueKind.Actual, row, $"{where}/contracts[{id}]/implementation/metrics");
        }

        ReadMetrics(p, Items(tender, "targets"), "tender", IndicatorValueKind.Target, row, $"{where}/tender/targets");
    }

    private void ReadMetrics(Process p, IEnumerable<JsonElement> metrics, string scope, IndicatorValueKind kind, int row, string path)
    {
        foreach (var m in metrics)
        {
            var id = $"{scope}/{Text(m, "id") ?? "(no id)"}";
            var metric = p.Metrics.TryGetValue(id, out var known) ? known : p.Metrics[id] = new Metric(Text(m, "title") ?? Text(m, "description"), row);
            foreach (var o in Items(m, "observations"))
            {
                var oid = Text(o, "id") ?? $"(no id {metric.Observations.Count + 1})";
                var period = Get(o, "period");
                var measure = Text(o, "measure") ?? Text(Get(o, "value"), "amount");
                var number = StandardValues.Number(measure);
                if (measure is not null && number is null)
                {
                    builder.Warning(file, row, $"{path}[{id}]/observations[{oid}]/measure", measure, "not a number: kept as text");
                }

                metric.Observations[(kind, oid)] = new Observation(kind, Date(Text(period, "startDate"), row, path), Date(Text(period, "endDate"), row, path), number, measure, row);
            }
        }
    }

    private Money? ReadMoney(JsonElement value, int row, string path)
    {
        var amountText = Text(value, "amount");
        var currency = Text(value, "currency");
        var amount = StandardValues.Number(amountText);
        if (amount is null)
        {
            builder.Invalid(file, row, path + "/amount", amountText ?? string.Empty, "not an amount: expected a number");
            return null;
        }

        if (currency is null || !Iso4217.IsKnown(currency))
        {
            builder.Invalid(file, row, path + "/currency", currency ?? string.Empty, "missing or unknown currency: expected an ISO 4217 code such as USD, EUR or GBP");
            return null;
        }

        return new Money(amount.Value, currency);
    }

    private Money? Missing(int row, string path)
    {
        builder.Invalid(file, row, path, string.Empty, "transaction without a value: counted, no amount");
        return null;
    }

    private PartialDate? Date(string? text, int row, string path)
    {
        var (date, _, error) = StandardValues.Date(text);
        if (error is not null)
        {
            builder.Invalid(file, row, path, text ?? string.Empty, error);
        }

        return date;
    }

    private void Emit(Process p)
    {
        var here = new FileProvenance(file, p.Row);
        if (!builder.Project(new Project(p.Ocid, p.Title ?? p.Ocid, p.Stage, null, p.Category, null, null, null, null, null, null, null, null, null, here), file, p.Row, "ocid"))
        {
            return;
        }

        builder.Transactions += p.Contracts.Values.Sum(c => c.Transactions.Count);
        builder.Indicators += p.Metrics.Count;
        foreach (var m in p.Metrics.Values)
        {
            builder.ResultCount += m.Observations.Keys.Count(k => k.Kind == IndicatorValueKind.Actual);
            builder.Targets += m.Observations.Keys.Count(k => k.Kind == IndicatorValueKind.Target);
        }

        if (!builder.Keep)
        {
            return;
        }

        var contracted = new HashSet<string>(p.Contracts.Values.Select(c => c.AwardId).OfType<string>(), StringComparer.Ordinal);
        foreach (var (id, a) in p.Awards.OrderBy(kv => kv.Value.Row))
        {
            if (!contracted.Contains(id))
            {
                builder.Commitments.Add(new FundingCommitment(p.Ocid, p.Buyer, OrganisationRole.Commissioner, a.Value, a.Value?.Currency == "USD" ? a.Value.Value.Amount : null, null, null, null, null, new FileProvenance(file, a.Row)));
            }
        }

        foreach (var c in p.Contracts.Values.OrderBy(c => c.Row))
        {
            builder.Commitments.Add(new FundingCommitment(p.Ocid, p.Buyer, OrganisationRole.Commissioner, c.Value, c.Value?.Currency == "USD" ? c.Value.Value.Amount : null, null, null, null, null, new FileProvenance(file, c.Row)));
            var suppliers = c.AwardId is not null && p.Awards.TryGetValue(c.AwardId, out var award) ? award.Suppliers : [];
            foreach (var t in c.Transactions.Values)
            {
                var payee = t.Payee ?? (suppliers.Count == 1 ? suppliers[0] : null);
                builder.Payments.Add(new OutcomePayment(p.Ocid, null, t.Date, t.Date, t.Payer ?? p.Buyer, payee, PaymentType.Actual, t.Value, t.Value?.Currency == "USD" ? t.Value.Value.Amount : null,
                    t.Date is { } d ? new DateTimeOffset(d.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null, new FileProvenance(file, t.Row)));
            }
        }

        foreach (var (id, m) in p.Metrics)
        {
            builder.Metrics.Add(new OutcomeMetric(p.Ocid, id, m.Title, p.Category, null, null, new FileProvenance(file, m.Row)));
            foreach (var o in m.Observations.Values)
            {
                var where = new FileProvenance(file, o.Row);
                builder.IndicatorValues.Add(new IndicatorValue(p.Ocid, id, o.Kind, o.Start, o.End, o.Value, o.Text, where));
                if (o.Kind == IndicatorValueKind.Actual)
                {
                    builder.Results.Add(new OutcomeResult(p.Ocid, id, "Actual", o.Start, o.End, o.Value, null, null, null, where));
                }
            }
        }
    }

    private sealed class Process(string ocid, int row)
    {
        public string Ocid { get; } = ocid;

        public int Row { get; } = row;

        public string? Title { get; set; }

        public string? Stage { get; set; }

        public string? Category { get; set; }

        public string? Buyer { get; set; }

        public Dictionary<string, Award> Awards { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Contract> Contracts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Metric> Metrics { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Award(int row)
    {
        public int Row { get; set; } = row;

        public Money? Value { get; set; }

        public List<string> Suppliers { get; set; } = [];
    }

    private sealed class Contract(int row)
    {
        public int Row { get; set; } = row;

        public string? AwardId { get; set; }

        public Money? Value { get; set; }

        public Dictionary<string, Txn> Transactions { get; } = new(StringComparer.Ordinal);
    }

    private sealed record Txn(string? Payer, string? Payee, Money? Value, PartialDate? Date, int Row);

    private sealed class Metric(string? title, int row)
    {
        public string? Title { get; } = title;

        public int Row { get; } = row;

        public Dictionary<(IndicatorValueKind Kind, string Id), Observation> Observations { get; } = [];
    }

    private sealed record Observation(IndicatorValueKind Kind, PartialDate? Start, PartialDate? End, decimal? Value, string? Text, int Row);
}
