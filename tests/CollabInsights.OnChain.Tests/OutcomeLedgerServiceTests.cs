using System.Numerics;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Contracts.OutcomeLedgerDefinition;
using CollabInsights.OnChain.Contracts.OutcomeTokenDefinition;
using CollabInsights.OnChain.Transactions;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;

namespace CollabInsights.OnChain.Tests;

public class OutcomeLedgerServiceTests(LedgerFixture chain) : IClassFixture<LedgerFixture>
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2024, 3, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Only_an_allowed_commissioner_registers_projects()
    {
        var ct = TestContext.Current.CancellationToken;
        var stranger = chain.Node.DevAccount(5);
        var error = await Assert.ThrowsAsync<TransactionRevertedException>(() => chain.Ledger.WithSender(stranger).RegisterProjectAsync("P-STRANGER", new byte[32], ct));
        Assert.StartsWith("NotCommissioner(", error.Reason, StringComparison.Ordinal);
        Assert.Equal(AddressUtil.ZERO_ADDRESS, await chain.Ledger.GetCommissionerAsync("P-STRANGER", ct));

        await chain.Ledger.SetCommissionerAsync(stranger.SenderAddress(), true, ct);
        var receipt = await chain.Ledger.WithSender(stranger).RegisterProjectAsync("P-STRANGER", Sha3Keccack.Current.CalculateHashAsBytes("metadata"), ct);
        var registered = Single<ProjectRegisteredEventDTO>(receipt);
        Assert.Equal(LedgerIds.ToBytes32("P-STRANGER"), registered.ProjectId.ToHex(true));
        Assert.Equal(stranger.SenderAddress(), registered.Commissioner, ignoreCase: true);
        Assert.Equal(Sha3Keccack.Current.CalculateHashAsBytes("metadata"), registered.MetadataHash);
        Assert.Equal(stranger.SenderAddress(), await chain.Ledger.GetCommissionerAsync("P-STRANGER", ct), ignoreCase: true);

        var again = await Assert.ThrowsAsync<TransactionRevertedException>(() => chain.Ledger.WithSender(stranger).RegisterProjectAsync("P-STRANGER", new byte[32], ct));
        Assert.StartsWith("ProjectExists(", again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_validator_cannot_attest_and_an_approved_one_can()
    {
        var ct = TestContext.Current.CancellationToken;
        var validator = chain.Node.DevAccount(2);
        await chain.Ledger.RegisterProjectAsync("P-ATTEST", new byte[32], ct);
        var denied = await Assert.ThrowsAsync<TransactionRevertedException>(() =>
            chain.Ledger.WithSender(validator).AttestAsync("P-ATTEST", "M1", Start, End, 12, Sha3Keccack.Current.CalculateHashAsBytes("evidence"), ct));
        Assert.StartsWith("NotValidator(", denied.Reason, StringComparison.Ordinal);

        var notCommissioner = await Assert.ThrowsAsync<TransactionRevertedException>(() => chain.Ledger.WithSender(validator).ApproveValidatorAsync("P-ATTEST", validator.SenderAddress(), true, ct));
        Assert.StartsWith("NotCommissioner(", notCommissioner.Reason, StringComparison.Ordinal);

        await chain.Ledger.ApproveValidatorAsync("P-ATTEST", validator.SenderAddress(), true, ct);
        Assert.True(await chain.Ledger.IsValidatorAsync("P-ATTEST", validator.SenderAddress(), ct));
        var receipt = await chain.Ledger.WithSender(validator).AttestAsync("P-ATTEST", "M1", Start, End, 12, Sha3Keccack.Current.CalculateHashAsBytes("evidence"), ct);
        var attested = Single<OutcomeAttestedEventDTO>(receipt);
        Assert.Equal("M1", LedgerIds.ToText(attested.MetricId.ToHex(true)));
        Assert.Equal(validator.SenderAddress(), attested.Validator, ignoreCase: true);
        Assert.Equal((ulong)Start.ToUnixTimeSeconds(), attested.PeriodStart);
        Assert.Equal(new BigInteger(12), attested.Count);

        var backwards = await Assert.ThrowsAsync<TransactionRevertedException>(() => chain.Ledger.WithSender(validator).AttestAsync("P-ATTEST", "M1", End, Start, 1, new byte[32], ct));
        Assert.StartsWith("InvalidPeriod(", backwards.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payment_moves_tokens_from_payer_to_recipient_and_emits_an_event()
    {
        var ct = TestContext.Current.CancellationToken;
        var payer = chain.Node.DevAccount(3);
        var recipient = chain.Node.DevKeys[4].GetPublicAddress();
        await chain.Ledger.RegisterProjectAsync("P-PAY", new byte[32], ct);
        await chain.Token.MintAsync(payer.SenderAddress(), OutcomeTokenService.ToUnits(1000m), ct);
        var recipientBefore = await chain.Token.BalanceOfAsync(recipient, ct);

        var unapproved = await Assert.ThrowsAsync<TransactionRevertedException>(() =>
            chain.Ledger.WithSender(payer).PayAsync("P-PAY", "M1", recipient, chain.Token.ContractAddress, OutcomeTokenService.ToUnits(250m), Start, End, ct));
        Assert.StartsWith("InsufficientAllowance(", unapproved.Reason, StringComparison.Ordinal);

        await chain.Token.WithSender(payer).ApproveAsync(chain.Ledger.ContractAddress, OutcomeTokenService.ToUnits(250m), ct);
        var receipt = await chain.Ledger.WithSender(payer).PayAsync("P-PAY", "M1", recipient, chain.Token.ContractAddress, OutcomeTokenService.ToUnits(250m), Start, End, ct);

        Assert.Equal(OutcomeTokenService.ToUnits(750m), await chain.Token.BalanceOfAsync(payer.SenderAddress(), ct));
        Assert.Equal(recipientBefore + OutcomeTokenService.ToUnits(250m), await chain.Token.BalanceOfAsync(recipient, ct));
        var paid = Single<OutcomePaidEventDTO>(receipt);
        Assert.Equal(payer.SenderAddress(), paid.Payer, ignoreCase: true);
        Assert.Equal(recipient, paid.Recipient, ignoreCase: true);
        Assert.Equal(new BigInteger(250_000_000), paid.Amount);
        var transfer = Single<TransferEventDTO>(receipt);
        Assert.Equal(new BigInteger(250_000_000), transfer.Value);
        Assert.Equal(chain.Token.ContractAddress, receipt.DecodeAllEvents<TransferEventDTO>().Single().Log.Address, ignoreCase: true);
    }

    [Fact]
    public async Task Commitments_get_increasing_ids_and_anchors_record_root_and_uri()
    {
        var ct = TestContext.Current.CancellationToken;
        var funder = chain.Node.DevAccount(6);
        await chain.Ledger.RegisterProjectAsync("P-ANCHOR", new byte[32], ct);
        var first = Single<FundingCommittedEventDTO>(await chain.Ledger.WithSender(funder).CommitAsync("P-ANCHOR", chain.Token.ContractAddress, 5_000_000, "M1", 2_000_000, ct));
        var second = Single<FundingCommittedEventDTO>(await chain.Ledger.WithSender(funder).CommitAsync("P-ANCHOR", chain.Token.ContractAddress, 7_000_000, null, 0, ct));
        Assert.Equal(first.CommitmentId + 1, second.CommitmentId);
        Assert.Equal(funder.SenderAddress(), first.Funder, ignoreCase: true);
        Assert.Equal(new BigInteger(2_000_000), first.CapPerMetric);

        var root = Sha3Keccack.Current.CalculateHashAsBytes("dataset");
        var stranger = chain.Node.DevAccount(7);
        await Assert.ThrowsAsync<TransactionRevertedException>(() => chain.Ledger.WithSender(stranger).AnchorAsync("P-ANCHOR", root, "ipfs://x", ct));
        var anchored = Single<DatasetAnchoredEventDTO>(await chain.Ledger.AnchorAsync("P-ANCHOR", root, "https://example.org/indigo.csv", ct));
        Assert.Equal(root, anchored.MerkleRoot);
        Assert.Equal("https://example.org/indigo.csv", anchored.Uri);

        // Every event of the project can be read back by its indexed project id.
        var logs = await chain.Node.Web3.Eth.Filters.GetLogs.SendRequestAsync(new NewFilterInput
        {
            FromBlock = BlockParameter.CreateEarliest(),
            ToBlock = BlockParameter.CreateLatest(),
            Address = [chain.Ledger.ContractAddress],
            Topics = [null, LedgerIds.ToBytes32("P-ANCHOR")],
        }).WaitAsync(ct);
        var names = logs.Select(l => chain.Ledger.GetAllEventABIs().Single(e => "0x" + e.Sha3Signature == l.Topics[0].ToString()).Name);
        Assert.Equal(["ProjectRegistered", "FundingCommitted", "FundingCommitted", "DatasetAnchored"], names);
    }

    private static TEvent Single<TEvent>(TransactionReceipt receipt)
        where TEvent : IEventDTO, new() => Assert.Single(receipt.DecodeAllEvents<TEvent>()).Event;
}
