using System.Globalization;
using System.Numerics;
using System.Text;
using CollabInsights.Domain;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Transactions;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;
using Nethereum.Util;
using Nethereum.Web3;

namespace CollabInsights.OnChain.Seeding;

/// <summary>
/// Writes a <see cref="CollabDataset"/> onto a chain: deploys the outcome ledger and token, then
/// registers each project, approves its validators, records funding commitments, outcome
/// attestations and actual payments (tokens minted to each payer and moved by the ledger), and
/// anchors a Merkle root of each project's off-chain records. Each attestation is signed by the result's own validator
/// (the stand-in account <see cref="UnknownOrganisation"/>, which reads back as no party, when the row names none). Deliberate differences from
/// <see cref="LedgerSeedOptions.Differences"/> replace the books' values on chain. Each organisation gets its own
/// account with a key derived from its id, and sends through the typed contract services (<see cref="OutcomeLedgerService"/>,
/// <see cref="OutcomeTokenService"/>) with a Nethereum <see cref="Web3"/> per account (<see cref="Signers"/>). Records the ledger cannot hold (<see cref="NotOnChain"/>: no amount, no metric,
/// no period, ...) are skipped and listed with the reason and row.
/// </summary>
public static class LedgerSeeder
{
    /// <summary>The organisation id of the stand-in account that pays or receives for rows whose books name no organisation; reading the chain back maps it to no party.</summary>
    public const string UnknownOrganisation = "(unknown organisation)";

    /// <summary>Seeds <paramref name="dataset"/> through the client of <paramref name="web3"/>; amounts become token units (6 decimals) in the project's own currency, 1:1.</summary>
    public static async Task<LedgerSeedResult> SeedAsync(
        CollabDataset dataset,
        IWeb3 web3,
        LedgerSeedOptions? options = null,
        IProgress<LedgerSeedProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(web3);
        options ??= new LedgerSeedOptions();
        var deployer = await Signers.ConnectAsync(web3.Client, new EthECKey(options.DeployerKey), cancellationToken).ConfigureAwait(false);
        var chainId = deployer.ChainIdOf();
        var skipped = new List<string>();
        var notOnChain = new List<Reconciliation.NotOnChainRecord>();

        var plan = new Plan(dataset, skipped, notOnChain, options.Differences);
        var total = 2 + plan.Organisations.Count + plan.Commissioners.Count + (dataset.Projects.Count * 2) + plan.Approvals.Count + plan.Commitments.Count + plan.ChainResults.Count + (plan.ChainPayments.Count * 2) + plan.Payers.Count;
        var done = 0;
        void Step(string stage)
        {
            done++;
            progress?.Report(new LedgerSeedProgress(stage, done, total));
        }

        var (ledger, deployment) = await OutcomeLedgerService.DeployAsync(deployer, cancellationToken).ConfigureAwait(false);
        Step("deploy");
        var token = await OutcomeTokenService.DeployAsync(deployer, cancellationToken: cancellationToken).ConfigureAwait(false);
        Step("deploy");

        var accounts = new Dictionary<string, Web3>(StringComparer.Ordinal);
        foreach (var organisation in plan.Organisations)
        {
            var key = new EthECKey(Sha3Keccack.Current.CalculateHashAsBytes($"collab-seed:{options.KeySalt}:{organisation}").ToHex(true));
            accounts[organisation] = Signers.Create(web3.Client, key, chainId);
            await ContractTransactions.SendValueAsync(deployer, key.GetPublicAddress(), options.GasFunding, cancellationToken).ConfigureAwait(false);
            Step("accounts");
        }

        foreach (var commissioner in plan.Commissioners)
        {
            await ledger.SetCommissionerAsync(accounts[commissioner].SenderAddress(), true, cancellationToken).ConfigureAwait(false);
            Step("commissioners");
        }

        foreach (var project in dataset.Projects)
        {
            var commissioner = accounts[plan.CommissionerOf(project.Id)];
            await ledger.WithSender(commissioner).RegisterProjectAsync(project.Id, Sha3Keccack.Current.CalculateHashAsBytes(Canonical(project)), cancellationToken).ConfigureAwait(false);
            Step("projects");
        }

        foreach (var (projectId, validator) in plan.Approvals)
        {
            await ledger.WithSender(accounts[plan.CommissionerOf(projectId)]).ApproveValidatorAsync(projectId, accounts[validator].SenderAddress(), true, cancellationToken).ConfigureAwait(false);
            Step("projects");
        }

        foreach (var commitment in plan.Commitments)
        {
            var funder = accounts[commitment.OrganisationId ?? UnknownOrganisation];
            await ledger.WithSender(funder).CommitAsync(commitment.ProjectId, token.ContractAddress, OutcomeTokenService.ToUnits(Math.Round(commitment.MaxPotentialPayment!.Value.Amount, 6)), null, 0, cancellationToken).ConfigureAwait(false);
            Step("commitments");
        }

        foreach (var (result, validatorId) in plan.ChainResults)
        {
            var validator = accounts[validatorId];
            await ledger.WithSender(validator).AttestAsync(
                result.ProjectId,
                result.MetricId!,
                Start(result.PeriodStart!.Value),
                End(result.PeriodEnd!.Value),
                new BigInteger(decimal.Round(result.OutcomesAchieved!.Value)),
                Sha3Keccack.Current.CalculateHashAsBytes(Canonical(result)),
                cancellationToken).ConfigureAwait(false);
            Step("attestations");
        }

        foreach (var payer in plan.Payers)
        {
            var needed = plan.ChainPayments.Where(p => (p.PayerId ?? UnknownOrganisation) == payer).Aggregate(BigInteger.Zero, (sum, p) => sum + Units(p));
            await token.WithSender(accounts[payer]).ApproveAsync(ledger.ContractAddress, needed, cancellationToken).ConfigureAwait(false);
            Step("payments");
        }

        foreach (var payment in plan.ChainPayments)
        {
            var payer = accounts[payment.PayerId ?? UnknownOrganisation];
            var amount = Units(payment);
            await token.MintAsync(payer.SenderAddress(), amount, cancellationToken).ConfigureAwait(false);
            Step("payments");
            await ledger.WithSender(payer).PayAsync(
                payment.ProjectId,
                payment.MetricId ?? string.Empty,
                accounts[payment.RecipientId ?? UnknownOrganisation].SenderAddress(),
                token.ContractAddress,
                amount,
                Start(payment.PeriodStart!.Value),
                End(payment.PeriodEnd!.Value),
                cancellationToken).ConfigureAwait(false);
            Step("payments");
        }

        var anchors = 0;
        foreach (var project in dataset.Projects)
        {
            var leaves = plan.RecordsOf(project.Id).Select(r => Sha3Keccack.Current.CalculateHash(r)).ToList();
            await ledger.WithSender(accounts[plan.CommissionerOf(project.Id)]).AnchorAsync(project.Id, MerkleRoot(leaves), $"collab:dataset/{project.Id}", cancellationToken).ConfigureAwait(false);
            anchors++;
            Step("anchors");
        }

        var lastBlock = (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Value;
        return new LedgerSeedResult(
            (long)chainId,
            ledger.ContractAddress,
            token.ContractAddress,
            (long)deployment.BlockNumber.Value,
            lastBlock,
            dataset.Projects.Count,
            plan.Commitments.Count,
            plan.ChainResults.Count,
            plan.ChainPayments.Count,
            anchors,
            done,
            accounts.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value.SenderAddress(), StringComparer.Ordinal),
            skipped)
        {
            DifferencesApplied = plan.DifferencesApplied,
            NotOnChain = notOnChain,
        };
    }

    /// <summary>
    /// The records of <paramref name="books"/> the ledger cannot hold, each with its reason and row: commitments without a positive
    /// maximum, results without a metric, a period or a whole non-negative count, payments whose type is not given (planned payments
    /// are not expected on chain and not listed), actual payments without a positive amount, a period
    /// or in another currency than the project's ledger currency, and any row of an unknown project or with an id over 31 bytes.
    /// <see cref="SeedAsync"/> writes every other commitment, result and actual payment, so a chain seeded exactly reconciles with
    /// its books with no difference once these are set aside (<see cref="Reconciliation.ReconciliationOptions.NotOnChain"/>).
    /// </summary>
    public static IReadOnlyList<Reconciliation.NotOnChainRecord> NotOnChain(CollabDataset books)
    {
        ArgumentNullException.ThrowIfNull(books);
        var list = new List<Reconciliation.NotOnChainRecord>();
        _ = Select(books, list);
        return list;
    }

    /// <summary>Splits the books into what the ledger can hold and what it cannot (added to <paramref name="notOnChain"/> with the reasons).</summary>
    private static (List<FundingCommitment> Commitments, List<OutcomeResult> Results, List<OutcomePayment> Payments) Select(
        CollabDataset dataset, List<Reconciliation.NotOnChainRecord> notOnChain)
    {
        var projectIds = dataset.Projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        // The currency a reader gives each project's token amounts (one token, amounts 1:1 in the project's currency).
        var ledgerCurrencies = Extraction.LedgerRecordOptions.ForSeededChain(dataset, null).ProjectCurrencies!;
        bool Keep(string type, string project, string? metric, Provenance provenance, List<string> reasons)
        {
            if (!projectIds.Contains(project))
            {
                reasons.Insert(0, "project not in the books' projects");
            }
            else if (Encoding.UTF8.GetByteCount(project) > 31)
            {
                reasons.Insert(0, "project id over 31 bytes (the ledger keeps ids as bytes32)");
            }

            if (metric is not null && Encoding.UTF8.GetByteCount(metric) > 31)
            {
                reasons.Add("metric id over 31 bytes (the ledger keeps ids as bytes32)");
            }

            if (reasons.Count > 0)
            {
                notOnChain.Add(new Reconciliation.NotOnChainRecord(type, project, metric, provenance, string.Join("; ", reasons)));
            }

            return reasons.Count == 0;
        }

        static void Period(PartialDate? start, PartialDate? end, List<string> reasons)
        {
            if (start is null || end is null)
            {
                reasons.Add("no period");
            }
            else if (end.Value.LastDay < start.Value.FirstDay)
            {
                reasons.Add("period ends before it starts");
            }
        }

        var commitments = dataset.Commitments.Where(c =>
        {
            var reasons = new List<string>();
            if (c.MaxPotentialPayment is not { } max)
            {
                reasons.Add("no maximum amount (missing, or its currency unknown)");
            }
            else if (max.Amount <= 0)
            {
                reasons.Add("maximum amount not positive");
            }

            return Keep("commitment", c.ProjectId, null, c.Provenance, reasons);
        }).ToList();
        var results = dataset.Results.Where(r =>
        {
            var reasons = new List<string>();
            if (r.MetricId is null)
            {
                reasons.Add("no metric");
            }

            Period(r.PeriodStart, r.PeriodEnd, reasons);
            if (r.OutcomesAchieved is not { } count)
            {
                reasons.Add("no outcomes count");
            }
            else if (count < 0)
            {
                reasons.Add("negative outcomes count");
            }
            else if (count != decimal.Truncate(count))
            {
                reasons.Add("outcomes count not a whole number (the ledger counts whole outcomes)");
            }

            return Keep("result", r.ProjectId, r.MetricId, r.Provenance, reasons);
        }).ToList();
        // Planned payments are not expected on a chain; a row whose type is neither Actual nor Planned is not written either.
        var payments = dataset.Payments.Where(p => p.Type != PaymentType.Planned).Where(p =>
        {
            var reasons = new List<string>();
            if (p.Type != PaymentType.Actual)
            {
                reasons.Add("payment type not given (the ledger holds actual payments only)");
            }

            if (p.Amount is not { } amount)
            {
                reasons.Add("no amount (missing, or its currency unknown)");
            }
            else if (amount.Amount <= 0)
            {
                reasons.Add("amount not positive");
            }
            else if (ledgerCurrencies.TryGetValue(p.ProjectId, out var currency) && !string.Equals(currency, amount.Currency, StringComparison.Ordinal))
            {
                reasons.Add($"currency {amount.Currency} is not the project's ledger currency {currency} (one token per project)");
            }

            Period(p.PeriodStart, p.PeriodEnd, reasons);
            return Keep("payment", p.ProjectId, p.MetricId, p.Provenance, reasons);
        }).ToList();
        return (commitments, results, payments);
    }

    /// <summary>
    /// The Merkle root of 32-byte leaves: pairs hashed with Keccak-256 (sorted within each pair, as
    /// OpenZeppelin's MerkleProof expects), an odd leaf carried up; zero bytes for no leaves.
    /// </summary>
    public static byte[] MerkleRoot(IReadOnlyList<byte[]> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        if (leaves.Count == 0)
        {
            return new byte[32];
        }

        var level = leaves.ToList();
        while (level.Count > 1)
        {
            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                if (i + 1 == level.Count)
                {
                    next.Add(level[i]);
                    continue;
                }

                var (a, b) = level[i].AsSpan().SequenceCompareTo(level[i + 1]) <= 0 ? (level[i], level[i + 1]) : (level[i + 1], level[i]);
                next.Add(Sha3Keccack.Current.CalculateHash([.. a, .. b]));
            }

            level = next;
        }

        return level[0];
    }

    private static BigInteger Units(OutcomePayment payment) => OutcomeTokenService.ToUnits(Math.Round(payment.Amount!.Value.Amount, 6));

    private static DateTimeOffset Start(PartialDate date) => new(date.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset End(PartialDate date) => new(date.LastDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Canonical(object record) => string.Create(CultureInfo.InvariantCulture, $"{record}");

    /// <summary>Which records go on chain, which accounts they need, and what is skipped.</summary>
    private sealed class Plan
    {
        private readonly Dictionary<string, string> _commissioners = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _records = new(StringComparer.Ordinal);

        public Plan(CollabDataset dataset, List<string> skipped, List<Reconciliation.NotOnChainRecord> notOnChain, IReadOnlyList<Scenarios.ScenarioChainDifference> differences)
        {
            (Commitments, Results, Payments) = Select(dataset, notOnChain);
            skipped.AddRange(notOnChain.Select(n => $"{n.RecordType} {n.Provenance.Describe()}: {n.Reason}"));

            foreach (var project in dataset.Projects)
            {
                var payer = Commitments.Where(c => c.ProjectId == project.Id && c.OrganisationId is not null).Select(c => c.OrganisationId!).FirstOrDefault();
                _commissioners[project.Id] = payer ?? $"commissioner:{project.Id}";
                _records[project.Id] = [Canonical(project)];
            }

            foreach (var r in Commitments.Cast<object>().Concat(Results).Concat(Payments))
            {
                var projectId = r switch
                {
                    FundingCommitment c => c.ProjectId,
                    OutcomeResult o => o.ProjectId,
                    OutcomePayment p => p.ProjectId,
                    _ => throw new InvalidOperationException(),
                };
                _records[projectId].Add(Canonical(r));
            }

            ApplyDifferences(differences, skipped);
            Commissioners = _commissioners.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            Approvals = ChainResults.Select(r => (r.Result.ProjectId, r.Validator)).Distinct().ToList();
            Payers = ChainPayments.Select(p => p.PayerId ?? UnknownOrganisation).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            Organisations = Commissioners
                .Concat(ChainResults.Select(r => r.Validator))
                .Concat(Commitments.Select(c => c.OrganisationId ?? UnknownOrganisation))
                .Concat(Payers)
                .Concat(ChainPayments.Select(p => p.RecipientId ?? UnknownOrganisation))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
        }

        public List<FundingCommitment> Commitments { get; }

        public List<OutcomeResult> Results { get; }

        public List<OutcomePayment> Payments { get; }

        /// <summary>The results as attested on chain, each with its validator (the project's validator unless a difference names another).</summary>
        public List<(OutcomeResult Result, string Validator)> ChainResults { get; private set; } = [];

        /// <summary>The actual payments as paid on chain (the books' payments with the differences applied).</summary>
        public List<OutcomePayment> ChainPayments { get; private set; } = [];

        /// <summary>Validators to approve, per project: each attestation's signer.</summary>
        public List<(string ProjectId, string Validator)> Approvals { get; }

        public int DifferencesApplied { get; private set; }

        public List<string> Commissioners { get; }

        public List<string> Payers { get; }

        public List<string> Organisations { get; }

        public string CommissionerOf(string projectId) => _commissioners[projectId];

        public IEnumerable<byte[]> RecordsOf(string projectId) => _records[projectId].Select(s => Encoding.UTF8.GetBytes(s));

        private void ApplyDifferences(IReadOnlyList<Scenarios.ScenarioChainDifference> differences, List<string> skipped)
        {
            var byRow = new Dictionary<string, Scenarios.ScenarioChainDifference>(StringComparer.Ordinal);
            foreach (var d in differences)
            {
                byRow[$"{d.RecordType}|{d.Location}"] = d;
            }

            var used = new HashSet<string>(StringComparer.Ordinal);
            Scenarios.ScenarioChainDifference? Find(string type, Provenance provenance)
            {
                var key = $"{type}|{provenance.Describe()}";
                if (provenance is FileProvenance && byRow.TryGetValue(key, out var d))
                {
                    used.Add(key);
                    return d;
                }

                return null;
            }

            foreach (var r in Results)
            {
                // A result whose books name no validator is attested by the stand-in account that reads back as no party: the seeder never invents one.
                var validator = string.IsNullOrWhiteSpace(r.Validator) ? UnknownOrganisation : r.Validator;
                var d = Find("result", r.Provenance);
                switch (d?.Field)
                {
                    case null:
                        ChainResults.Add((r, validator));
                        break;
                    case Scenarios.ScenarioChainDifference.OutcomesField:
                        ChainResults.Add((r with { OutcomesAchieved = Parse(d.ChainValue) }, validator));
                        break;
                    case Scenarios.ScenarioChainDifference.PeriodField:
                        var (start, end) = Period(d.ChainValue);
                        ChainResults.Add((r with { PeriodStart = start, PeriodEnd = end }, validator));
                        break;
                    case Scenarios.ScenarioChainDifference.ValidatorField:
                        ChainResults.Add((r with { Validator = d.ChainValue }, d.ChainValue ?? validator));
                        break;
                    case Scenarios.ScenarioChainDifference.RecordField when d.Class == "only_on_chain":
                        ChainResults.Add((r, validator));
                        ChainResults.Add((r, validator));
                        break;
                    case Scenarios.ScenarioChainDifference.RecordField:
                        break;
                    default:
                        throw new CollabInsightsException($"Chain difference at {d.Location}: field '{d.Field}' does not apply to a result (use outcomes_achieved, period, validator or record).");
                }

                DifferencesApplied += d is null ? 0 : 1;
            }

            foreach (var p in Payments)
            {
                var d = Find("payment", p.Provenance);
                switch (d?.Field)
                {
                    case null:
                        ChainPayments.Add(p);
                        break;
                    case Scenarios.ScenarioChainDifference.AmountField:
                        ChainPayments.Add(p with { Amount = new Money(Parse(d.ChainValue), p.Amount!.Value.Currency) });
                        break;
                    case Scenarios.ScenarioChainDifference.PeriodField:
                        var (start, end) = Period(d.ChainValue);
                        ChainPayments.Add(p with { PeriodStart = start, PeriodEnd = end });
                        break;
                    case Scenarios.ScenarioChainDifference.PayerField:
                        ChainPayments.Add(p with { PayerId = d.ChainValue });
                        break;
                    case Scenarios.ScenarioChainDifference.RecipientField:
                        ChainPayments.Add(p with { RecipientId = d.ChainValue });
                        break;
                    case Scenarios.ScenarioChainDifference.RecordField when d.Class == "only_on_chain":
                        ChainPayments.Add(p);
                        ChainPayments.Add(p);
                        break;
                    case Scenarios.ScenarioChainDifference.RecordField:
                        break;
                    default:
                        throw new CollabInsightsException($"Chain difference at {d.Location}: field '{d.Field}' does not apply to a payment (use amount, period, payer, recipient or record).");
                }

                DifferencesApplied += d is null ? 0 : 1;
            }

            foreach (var (key, d) in byRow.Where(kv => !used.Contains(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (d.Class == "only_off_chain")
                {
                    // A row the ledger cannot hold (skipped above with its reason) stays off chain, as planned.
                    DifferencesApplied++;
                    continue;
                }

                skipped.Add($"chain difference {d.Class} at {d.Location}: no seedable {d.RecordType} on that row, nothing changed");
            }
        }

        private static decimal Parse(string? value) =>
            decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0
                ? d
                : throw new CollabInsightsException($"Chain difference value '{value}' is not a non-negative number; fix chain_differences in ground-truth.json.");

        private static (PartialDate Start, PartialDate End) Period(string? value)
        {
            var parts = (value ?? string.Empty).Split("..");
            if (parts.Length == 2 && PartialDate.TryParse(parts[0], out var start, out _) && PartialDate.TryParse(parts[1], out var end, out _) && end.LastDay >= start.FirstDay)
            {
                return (start, end);
            }

            throw new CollabInsightsException($"Chain difference period '{value}' is not START..END (e.g. 2019-07..2019-09); fix chain_differences in ground-truth.json.");
        }
    }
}
