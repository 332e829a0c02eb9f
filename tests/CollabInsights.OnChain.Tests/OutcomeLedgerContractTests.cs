using System.Numerics;
using CollabInsights.OnChain.Abi;
using CollabInsights.OnChain.Contracts;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;

namespace CollabInsights.OnChain.Tests;

public class OutcomeLedgerContractTests(LedgerFixture chain) : IClassFixture<LedgerFixture>
{
    private static readonly ContractAbi Abi = OutcomeLedgerContract.Contract.Abi;
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2024, 3, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Only_an_allowed_commissioner_registers_projects()
    {
        var ct = TestContext.Current.CancellationToken;
        var stranger = chain.Node.DevAccount(5);
        var error = await Assert.ThrowsAsync<TransactionRevertedException>(() => chain.Ledger.RegisterProjectAsync(stranger, "P-STRANGER", new byte[32], ct));
        Assert.StartsWith("NotCommissioner(", error.Reason, StringComparison.Ordinal);
        Assert.Equal(AddressUtil.ZERO_ADDRESS, await chain.Ledger.GetCommissionerAsync("P-STRANGER", ct));

        await chain.Ledger.SetCommissionerAsync(chain.Admin, stranger.Address, true, ct);
        var receipt = await chain.Ledger.RegisterProjectAsync(stranger, "P-STRANGER", Sha3Keccack.Current.CalculateHashAsBytes("metadata"), ct);
        var registered = Decode(receipt, "ProjectRegistered");
        Assert.Equal(LedgerIds.ToBytes32("P-STRANGER"), registered["projectId"]);
        Assert.Equal(stranger.Address, registered["commissioner"]);
        Assert.Equal(Sha3Keccack.Current.CalculateHashAsBytes("metadata").ToHex(true), registered["metadataHash"]);
        Assert.Equal(stranger.Address, await chain.Ledger.GetCommissionerAsync("P-STRANGER", ct));

        var again = await Assert.ThrowsAsync<TransactionRevertedException>(() => chain.Ledger.RegisterProjectAsync(stranger, "P-STRANGER", new byte[32], ct));
        Assert.StartsWith("ProjectExists(", again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_validator_cannot_attest_and_an_approved_one_can()
    {
        var ct = TestContext.Current.CancellationToken;
        var validator = chain.Node.DevAccount(2);
        await chain.Ledger.RegisterProjectAsync(chain.Admin, "P-ATTEST", new byte[32], ct);
        var denied = await Assert.ThrowsAsync<TransactionRevertedException>(() =>
            chain.Ledger.AttestAsync(validator, "P-ATTEST", "M1", Start, End, 12, Sha3Keccack.Current.CalculateHashAsBytes("evidence"), ct));
        Assert.StartsWith("NotValidator(", denied.Reason, StringComparison.Ordinal);

        var notCommissioner = await Assert.ThrowsAsync<TransactionRevertedException>(() => chain.Ledger.ApproveValidatorAsync(validator, "P-ATTEST", validator.Address, true, ct));
        Assert.StartsWith("NotCommissioner(", notCommissioner.Reason, StringComparison.Ordinal);

        await chain.Ledger.ApproveValidatorAsync(chain.Admin, "P-ATTEST", validator.Address, true, ct);
        Assert.True(await chain.Ledger.IsValidatorAsync("P-ATTEST", validator.Address, ct));
        var receipt = await chain.Ledger.AttestAsync(validator, "P-ATTEST", "M1", Start, End, 12, Sha3Keccack.Current.CalculateHashAsBytes("evidence"), ct);
        var attested = Decode(receipt, "OutcomeAttested");
        Assert.Equal("M1", LedgerIds.ToText((string)attested["metricId"]!));
        Assert.Equal(validator.Address, attested["validator"]);
        Assert.Equal(new BigInteger(Start.ToUnixTimeSeconds()), attested["periodStart"]);
        Assert.Equal(new BigInteger(12), attested["count"]);

        var backwards = await Assert.ThrowsAsync<TransactionRevertedException>(() => chain.Ledger.AttestAsync(validator, "P-ATTEST", "M1", End, Start, 1, new byte[32], ct));
        Assert.StartsWith("InvalidPeriod(", backwards.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payment_moves_tokens_from_payer_to_recipient_and_emits_an_event()
    {
        var ct = TestContext.Current.CancellationToken;
        var payer = chain.Node.DevAccount(3);
        var recipient = chain.Node.DevKeys[4].GetPublicAddress();
        await chain.Ledger.RegisterProjectAsync(chain.Admin, "P-PAY", new byte[32], ct);
        await chain.Token.MintAsync(chain.Admin, payer.Address, OutcomeTokenContract.ToUnits(1000m), ct);
        var recipientBefore = await chain.Token.BalanceOfAsync(recipient, ct);

        var unapproved = await Assert.ThrowsAsync<TransactionRevertedException>(() =>
            chain.Ledger.PayAsync(payer, "P-PAY", "M1", recipient, chain.Token.Address, OutcomeTokenContract.ToUnits(250m), Start, End, ct));
        Assert.StartsWith("InsufficientAllowance(", unapproved.Reason, StringComparison.Ordinal);

        await chain.Token.ApproveAsync(payer, chain.Ledger.Address, OutcomeTokenContract.ToUnits(250m), ct);
        var receipt = await chain.Ledger.PayAsync(payer, "P-PAY", "M1", recipient, chain.Token.Address, OutcomeTokenContract.ToUnits(250m), Start, End, ct);

        Assert.Equal(OutcomeTokenContract.ToUnits(750m), await chain.Token.BalanceOfAsync(payer.Address, ct));
        Assert.Equal(recipientBefore + OutcomeTokenContract.ToUnits(250m), await chain.Token.BalanceOfAsync(recipient, ct));
        var paid = Decode(receipt, "OutcomePaid");
        Assert.Equal(payer.Address, paid["payer"]);
        Assert.Equal(recipient, paid["recipient"]);
        Assert.Equal(new BigInteger(250_000_000), paid["amount"]);
        var transfer = receipt.Logs.Single(l => l.Address.Equals(chain.Token.Address, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new BigInteger(250_000_000), OutcomeTokenContract.Contract.Abi.TryDecodeLog(transfer.Topics, transfer.Data)!["value"]);
    }

    [Fact]
    public async Task Commitments_get_increasing_ids_and_anchors_record_root_and_uri()
    {
        var ct = TestContext.Current.CancellationToken;
        var funder = chain.Node.DevAccount(6);
        await chain.Ledger.RegisterProjectAsync(chain.Admin, "P-ANCHOR", new byte[32], ct);
        var first = Decode(await chain.Ledger.CommitAsync(funder, "P-ANCHOR", chain.Token.Address, 5_000_000, "M1", 2_000_000, ct), "FundingCommitted");
        var second = Decode(await chain.Ledger.CommitAsync(funder, "P-ANCHOR", chain.Token.Address, 7_000_000, null, 0, ct), "FundingCommitted");
        Assert.Equal((BigInteger)first["commitmentId"]! + 1, second["commitmentId"]);
        Assert.Equal(funder.Address, first["funder"]);
        Assert.Equal(new BigInteger(2_000_000), first["capPerMetric"]);

        var root = Sha3Keccack.Current.CalculateHashAsBytes("dataset");
        var stranger = chain.Node.DevAccount(7);
        await Assert.ThrowsAsync<TransactionRevertedException>(() => chain.Ledger.AnchorAsync(stranger, "P-ANCHOR", root, "ipfs://x", ct));
        var anchored = Decode(await chain.Ledger.AnchorAsync(chain.Admin, "P-ANCHOR", root, "https://example.org/indigo.csv", ct), "DatasetAnchored");
        Assert.Equal(root.ToHex(true), anchored["merkleRoot"]);
        Assert.Equal("https://example.org/indigo.csv", anchored["uri"]);

        // Every event of the project can be read back by its indexed project id.
        var logs = await chain.Node.Rpc.GetLogsAsync(new LogFilter(0, BlockParameter.Latest)
        {
            Addresses = [chain.Ledger.Address],
            Topics = [null, [LedgerIds.ToBytes32("P-ANCHOR")]],
        }, ct);
        Assert.Equal(["ProjectRegistered", "FundingCommitted", "FundingCommitted", "DatasetAnchored"], logs.Select(l => Abi.TryDecodeLog(l.Topics, l.Data)!.Event.Name));
    }

    private static DecodedEvent Decode(TransactionReceipt receipt, string eventName)
    {
        var e = Abi.GetEvent(eventName);
        var log = receipt.Logs.Single(l => l.Topics.Count > 0 && l.Topics[0] == e.Topic0);
        return e.Decode(log.Topics, log.Data);
    }
}
