using System.Xml;
using CollabInsights.Domain;

namespace CollabInsights.OffChain.Standards.Internal;

/// <summary>
/// Streams IATI activity XML (2.0x; the letter transaction codes of 1.0x are read too) with an <see cref="XmlReader"/>: one
/// pass, no tree, memory bounded by one activity's values. Rows in provenance and problems are 1-based line numbers.
/// </summary>
internal sealed class IatiReader
{
    private static readonly Dictionary<string, string> LetterCodes = new(StringComparer.Ordinal)
    {
        ["IF"] = "1", ["C"] = "2", ["D"] = "3", ["E"] = "4", ["IR"] = "5", ["LR"] = "6", ["R"] = "7", ["QP"] = "8", ["QS"] = "9", ["CG"] = "10",
    };

    private static readonly Dictionary<string, string> TypeNames = new(StringComparer.Ordinal)
    {
        ["1"] = "Incoming Funds", ["2"] = "Outgoing Commitment", ["3"] = "Disbursement", ["4"] = "Expenditure", ["5"] = "Interest Payment",
        ["6"] = "Loan Repayment", ["7"] = "Reimbursement", ["8"] = "Purchase of Equity", ["9"] = "Sale of Equity", ["10"] = "Credit Guarantee",
        ["11"] = "Incoming Commitment", ["12"] = "Outgoing Pledge", ["13"] = "Incoming Pledge",
    };

    private static readonly Dictionary<string, string> Statuses = new(StringComparer.Ordinal)
    {
        ["1"] = "Pipeline/identification", ["2"] = "Implementation", ["3"] = "Finalisation", ["4"] = "Closed", ["5"] = "Cancelled", ["6"] = "Suspended",
    };

    private readonly DatasetBuilder _b;
    private readonly string _file;

    public IatiReader(DatasetBuilder builder, string file)
    {
        _b = builder;
        _file = file;
    }

    public void Read(Stream stream, CancellationToken ct)
    {
        var settings = new XmlReaderSettings
        {
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            DtdProcessing = DtdProcessing.Prohibit,
            CheckCharacters = false,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(stream, settings);
        var info = (IXmlLineInfo)reader;
        var stack = new List<string>(16);
        Activity? a = null;
        Transaction? tx = null;
        var sawRoot = false;
        try
        {
            while (true)
            {
                if (!reader.Read())
                {
                    break;
                }

                ReadNode:
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    var name = stack[^1];
                    stack.RemoveAt(stack.Count - 1);
                    if (name == "transaction" && a is not null && tx is not null)
                    {
                        EmitTransaction(a, tx);
                        tx = null;
                    }
                    else if (name == "iati-activity" && a is not null)
                    {
                        EmitActivity(a);
                        a = null;
                        ct.ThrowIfCancellationRequested();
                    }

                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var local = reader.LocalName;
                var line = info.LineNumber;
                var empty = reader.IsEmptyElement;
                if (!sawRoot)
                {
                    sawRoot = true;
                    if (local != "iati-activities" && local != "iati-activity")
                    {
                        throw new CollabInsightsException(CollabInsightsErrorCode.InvalidData, $"{_file} line {line}: the root element is <{local}>, not <iati-activities>. Pass IATI activity XML (2.0x), or name the file's format (the format parameter, a StandardFormat).", "format");
                    }
                }

                var parent = stack.Count > 0 ? stack[^1] : string.Empty;
                switch (local)
                {
                    case "iati-activity":
                        a = new Activity(line, reader.GetAttribute("default-currency"));
                        break;
                    case "iati-identifier" when a is not null && parent == "iati-activity":
                        a.Id = reader.ReadElementContentAsString().Trim();
                        goto ReadNode;
                    case "reporting-org" when a is not null:
                        a.ReportingOrg = reader.GetAttribute("ref")?.Trim();
                        a.ReportingType = reader.GetAttribute("type");
                        break;
                    case "participating-org" when a is not null:
                        a.Participants.Add(new Participant(reader.GetAttribute("ref")?.Trim(), reader.GetAttribute("role"), reader.GetAttribute("type"), line));
                        break;
                    case "activity-status" when a is not null:
                        a.Status = reader.GetAttribute("code");
                        break;
                    case "activity-date" when a is not null:
                        a.Dates.Add((reader.GetAttribute("type") ?? string.Empty, reader.GetAttribute("iso-date"), line));
                        break;
                    case "recipient-country" when a is not null:
                        a.Country ??= reader.GetAttribute("code");
                        break;
                    case "sector" when a is not null && parent == "iati-activity":
                        var vocabulary = reader.GetAttribute("vocabulary");
                        if (vocabulary is null or "1" or "2" or "DAC")
                        {
                            a.Sector ??= reader.GetAttribute("code");
                        }

                        break;
                    case "transaction" when a is not null:
                        tx = new Transaction(line);
                        break;
                    case "transaction-type" when tx is not null:
                        tx.Type = reader.GetAttribute("code");
                        break;
                    case "transaction-date" when tx is not null:
                        tx.Date = (reader.GetAttribute("iso-date"), line);
                        break;
                    case "value" when tx is not null && parent == "transaction":
                        tx.Currency = reader.GetAttribute("currency");
                        tx.ValueDate ??= reader.GetAttribute("value-date");
                        tx.ValueLine = line;
                        tx.Value = empty ? string.Empty : reader.ReadElementContentAsString();
                        goto ReadNode;
                    case "provider-org" when tx is not null:
                        tx.Provider = reader.GetAttribute("ref")?.Trim();
                        tx.ProviderLine = line;
                        break;
                    case "receiver-org" when tx is not null:
                        tx.Receiver = reader.GetAttribute("ref")?.Trim();
                        tx.ReceiverLine = line;
                        break;
                    case "result" when a is not null:
                        a.ResultIndex++;
                        a.IndicatorIndex = 0;
                        a.ResultTitle = null;
                        break;
                    case "indicator" when a is not null && parent == "result":
                        a.IndicatorIndex++;
                        a.IndicatorTitle = null;
                        a.MetricId = $"result-{a.ResultIndex}/indicator-{a.IndicatorIndex}";
                        a.MetricLine = line;
                        a.Titles.Add((a.MetricId, null, a.ResultTitle));
                        _b.Indicators++;
                        break;
                    case "baseline" when a is not null && parent == "indicator":
                        _b.Baselines++;
                        var year = reader.GetAttribute("year");
                        var baseDate = reader.GetAttribute("iso-date") ?? year;
                        a.Values.Add(new PendingValue(a.MetricId!, IndicatorValueKind.Baseline, baseDate, baseDate, reader.GetAttribute("value"), line));
                        break;
                    case "period" when a is not null && parent == "indicator":
                        a.PeriodStart = null;
                        a.PeriodEnd = null;
                        break;
                    case "period-start" when a is not null && parent == "period":
                        a.PeriodStart = reader.GetAttribute("iso-date");
                        break;
                    case "period-end" when a is not null && parent == "period":
                        a.PeriodEnd = reader.GetAttribute("iso-date");
                        break;
                    case "target" when a is not null && parent == "period":
                        _b.Targets++;
                        a.Values.Add(new PendingValue(a.MetricId!, IndicatorValueKind.Target, a.PeriodStart, a.PeriodEnd, reader.GetAttribute("value"), line));
                        break;
                    case "actual" when a is not null && parent == "period":
                        _b.ResultCount++;
                        a.Values.Add(new PendingValue(a.MetricId!, IndicatorValueKind.Actual, a.PeriodStart, a.PeriodEnd, reader.GetAttribute("value"), line));
                        break;
                    case "narrative" when a is not null && !empty && parent is "title" or "reporting-org" or "participating-org" or "provider-org" or "receiver-org":
                        Narrative(a, tx, stack, reader.ReadElementContentAsString());
                        goto ReadNode;
                }

                if (!empty)
                {
                    stack.Add(local);
                }
                else if (local == "transaction" && a is not null && tx is not null)
                {
                    EmitTransaction(a, tx);
                    tx = null;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new CollabInsightsException($"{_file} line {ex.LineNumber}, position {ex.LinePosition}: not well-formed XML: {ex.Message} Fix the file or pass another one.", ex);
        }

        if (!sawRoot)
        {
            throw new CollabInsightsException($"{_file} holds no XML element: expected <iati-activities> (IATI activity XML 2.0x).");
        }
    }

    private static void Narrative(Activity a, Transaction? tx, List<string> stack, string text)
    {
        var parent = stack.Count > 0 ? stack[^1] : string.Empty;
        var grand = stack.Count > 1 ? stack[^2] : string.Empty;
        text = text.Trim();
        switch (parent)
        {
            case "title" when grand == "iati-activity":
                a.Title ??= text;
                break;
            case "title" when grand == "indicator":
                a.IndicatorTitle ??= text;
                if (a.Titles.Count > 0 && a.Titles[^1].Title is null)
                {
                    a.Titles[^1] = a.Titles[^1] with { Title = text };
                }

                break;
            case "title" when grand == "result":
                a.ResultTitle ??= text;
                break;
            case "reporting-org":
                a.ReportingName ??= text;
                break;
            case "participating-org" when a.Participants.Count > 0:
                a.Participants[^1] = a.Participants[^1] with { Name = a.Participants[^1].Name ?? text };
                break;
            case "provider-org" when tx is not null:
                tx.ProviderName ??= text;
                break;
            case "receiver-org" when tx is not null:
                tx.ReceiverName ??= text;
                break;
        }
    }

    private void EmitTransaction(Activity a, Transaction tx)
    {
        _b.Transactions++;
        a.Transactions.Add(tx);
    }

    private void EmitActivity(Activity a)
    {
        var projectId = a.Id;
        if (string.IsNullOrEmpty(projectId))
        {
            _b.Invalid(_file, a.Line, "iati-activity/iati-identifier", string.Empty, "missing iati-identifier: the activity is skipped (its transactions and results are still counted)");
            return;
        }

        var here = new FileProvenance(_file, a.Line);
        _b.Organisation(a.ReportingOrg, a.ReportingName, a.ReportingType, here);
        PartialDate? start = null, end = null;
        foreach (var (type, iso, line) in a.Dates)
        {
            var (date, _, error) = StandardValues.Date(iso);
            if (error is not null)
            {
                _b.Invalid(_file, line, "activity-date/@iso-date", iso ?? string.Empty, error);
                continue;
            }

            if (type is "2" or "start-actual" || (type is "1" or "start-planned" && start is null))
            {
                start = type is "2" or "start-actual" ? date : start ?? date;
            }
            else if (type is "4" or "end-actual" || (type is "3" or "end-planned" && end is null))
            {
                end = type is "4" or "end-actual" ? date : end ?? date;
            }
        }

        var project = new Project(projectId, a.Title ?? projectId, a.Status is { } s ? Statuses.GetValueOrDefault(s, s) : null, a.Country, a.Sector,
            null, start, end, null, null, null, null, null, null, here);
        if (!_b.Project(project, _file, a.Line, "iati-activity/iati-identifier"))
        {
            return;
        }

        var funders = new List<(string Id, int Line)>();
        foreach (var p in a.Participants)
        {
            var id = p.Ref is { Length: > 0 } ? p.Ref : p.Name is { Length: > 0 } n ? "name:" + n : null;
            if (id is null)
            {
                _b.Warning(_file, p.Line, "participating-org/@ref", string.Empty, "participating organisation without @ref or narrative: not linked");
                continue;
            }

            _b.Organisation(id, p.Name, p.Type, new FileProvenance(_file, p.Line));
            if (p.Role is "1" or "Funding")
            {
                funders.Add((id, p.Line));
            }
        }

        var committed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tx in a.Transactions)
        {
            MapTransaction(a, projectId, tx, committed);
        }

        // A funding organisation with no commitment transaction is still a funder of the activity (amount unknown).
        foreach (var (id, line) in funders)
        {
            if (committed.Add(id) && _b.Keep)
            {
                _b.Commitments.Add(new FundingCommitment(projectId, id, OrganisationRole.OutcomePayer, null, null, null, null, null, null, new FileProvenance(_file, line)));
            }
        }

        foreach (var (metricId, title, resultTitle) in a.Titles)
        {
            if (_b.Keep)
            {
                _b.Metrics.Add(new OutcomeMetric(projectId, metricId, title ?? resultTitle, a.Sector, null, null, new FileProvenance(_file, a.MetricLines.GetValueOrDefault(metricId, a.Line))));
            }
        }

        foreach (var v in a.Values)
        {
            var (ps, _, e1) = StandardValues.Date(v.Start);
            var (pe, _, e2) = StandardValues.Date(v.End);
            if (e1 is not null || e2 is not null)
            {
                _b.Invalid(_file, v.Line, v.Kind == IndicatorValueKind.Baseline ? "baseline/@iso-date" : "period/period-start|period-end/@iso-date", (e1 is not null ? v.Start : v.End) ?? string.Empty, (e1 ?? e2)!);
            }

            var number = StandardValues.Number(v.Value);
            if (v.Value is { Length: > 0 } && number is null)
            {
                _b.Invalid(_file, v.Line, v.Kind.ToString().ToLowerInvariant() + "/@value", v.Value, "not a number: the value is kept as text only");
            }

            if (!_b.Keep)
            {
                continue;
            }

            var where = new FileProvenance(_file, v.Line);
            _b.IndicatorValues.Add(new IndicatorValue(projectId, v.MetricId, v.Kind, ps, pe, number, v.Value, where));
            if (v.Kind == IndicatorValueKind.Actual)
            {
                _b.Results.Add(new OutcomeResult(projectId, v.MetricId, "Actual", ps, pe, number, null, null, null, where));
            }
        }
    }

    private void MapTransaction(Activity a, string projectId, Transaction tx, HashSet<string> committed)
    {
        var code = tx.Type is { } t ? LetterCodes.GetValueOrDefault(t, t) : null;
        var where = new FileProvenance(_file, tx.Line);
        var provider = tx.Provider is { Length: > 0 } ? tx.Provider : tx.ProviderName is { Length: > 0 } pn ? "name:" + pn : null;
        var receiver = tx.Receiver is { Length: > 0 } ? tx.Receiver : tx.ReceiverName is { Length: > 0 } rn ? "name:" + rn : null;
        _b.Organisation(provider, tx.ProviderName, null, new FileProvenance(_file, tx.ProviderLine ?? tx.Line));
        _b.Organisation(receiver, tx.ReceiverName, null, new FileProvenance(_file, tx.ReceiverLine ?? tx.Line));
        if (code is not ("1" or "2" or "3" or "4" or "7" or "11"))
        {
            _b.Warning(_file, tx.Line, "transaction/transaction-type/@code", tx.Type ?? string.Empty,
                $"transaction type {(code is null ? "missing" : $"{code} ({TypeNames.GetValueOrDefault(code, "unknown")})")} is neither a commitment nor a payment: counted, not linked");
            return;
        }

        // Who pays and who receives: the named organisations; the reporting organisation stands in on its own side.
        var incoming = code is "1" or "11";
        provider ??= incoming ? null : a.ReportingOrg;
        receiver ??= incoming ? a.ReportingOrg : null;
        var money = Amount(a, tx);
        var (date, _, dateError) = StandardValues.Date(tx.Date.Iso ?? tx.ValueDate);
        if (dateError is not null)
        {
            _b.Invalid(_file, tx.Date.Line ?? tx.ValueLine ?? tx.Line, "transaction/transaction-date/@iso-date", tx.Date.Iso ?? tx.ValueDate ?? string.Empty, dateError);
        }

        if (!_b.Keep)
        {
            return;
        }

        if (code is "2" or "11")
        {
            if (provider is not null)
            {
                committed.Add(provider);
            }

            _b.Commitments.Add(new FundingCommitment(projectId, provider, OrganisationRole.OutcomePayer, money, money?.Currency == "USD" ? money.Value.Amount : null, date, null, null, null, where));
            return;
        }

        _b.Payments.Add(new OutcomePayment(projectId, null, date, date, provider, receiver, PaymentType.Actual, money, money?.Currency == "USD" ? money.Value.Amount : null,
            date is { } d ? new DateTimeOffset(d.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null, where));
    }

    private Money? Amount(Activity a, Transaction tx)
    {
        var line = tx.ValueLine ?? tx.Line;
        var number = StandardValues.Number(tx.Value);
        if (number is null)
        {
            _b.Invalid(_file, line, "transaction/value", tx.Value ?? string.Empty, "not an amount: expected a number such as 1500000 or 1500000.50");
            return null;
        }

        var currency = tx.Currency ?? a.DefaultCurrency;
        if (currency is null)
        {
            _b.Invalid(_file, line, "transaction/value/@currency", string.Empty, "no currency: neither value/@currency nor iati-activity/@default-currency is set");
            return null;
        }

        if (!Iso4217.IsKnown(currency))
        {
            _b.Invalid(_file, line, "transaction/value/@currency", currency, "unknown currency code: expected an ISO 4217 code such as USD, EUR or GBP");
            return null;
        }

        return new Money(number.Value, currency);
    }

    private sealed record Participant(string? Ref, string? Role, string? Type, int Line, string? Name = null);

    private sealed record PendingValue(string MetricId, IndicatorValueKind Kind, string? Start, string? End, string? Value, int Line);

    private sealed class Activity(int line, string? defaultCurrency)
    {
        public int Line { get; } = line;

        public string? DefaultCurrency { get; } = defaultCurrency;

        public string? Id { get; set; }

        public string? Title { get; set; }

        public string? ReportingOrg { get; set; }

        public string? ReportingName { get; set; }

        public string? ReportingType { get; set; }

        public string? Status { get; set; }

        public string? Country { get; set; }

        public string? Sector { get; set; }

        public List<Participant> Participants { get; } = [];

        public List<(string Type, string? Iso, int Line)> Dates { get; } = [];

        public List<Transaction> Transactions { get; } = [];

        public int ResultIndex { get; set; }

        public int IndicatorIndex { get; set; }

        public string? ResultTitle { get; set; }

        public string? IndicatorTitle { get; set; }

        public string? MetricId { get; set; }

        public int MetricLine
        {
            set => MetricLines[MetricId!] = value;
        }

        public Dictionary<string, int> MetricLines { get; } = new(StringComparer.Ordinal);

        public List<(string MetricId, string? Title, string? ResultTitle)> Titles { get; } = [];

        public string? PeriodStart { get; set; }

        public string? PeriodEnd { get; set; }

        public List<PendingValue> Values { get; } = [];
    }

    private sealed class Transaction(int line)
    {
        public int Line { get; } = line;

        public string? Type { get; set; }

        public (string? Iso, int? Line) Date { get; set; }

        public string? Value { get; set; }

        public int? ValueLine { get; set; }

        public string? ValueDate { get; set; }

        public string? Currency { get; set; }

        public string? Provider { get; set; }

        public string? ProviderName { get; set; }

        public int? ProviderLine { get; set; }

        public string? Receiver { get; set; }

        public string? ReceiverName { get; set; }

        public int? ReceiverLine { get; set; }
    }
}
