using System.Numerics;
using CollabInsights.OnChain.Abi;
using CollabInsights.OnChain.Rpc;
using CollabInsights.OnChain.Transactions;
using Nethereum.Util;

namespace CollabInsights.OnChain.Contracts;

/// <summary>
/// A deployed <c>OutcomeLedger</c>: typed calls for project registration, validator approval,
/// funding commitments, outcome attestations, outcome payments and dataset anchors. Ids are text
/// (see <see cref="LedgerIds"/>); periods are UTC dates; amounts are token units. Each call waits for
/// its receipt; a rule violation throws <see cref="TransactionRevertedException"/> naming the custom error.
/// </summary>
public sealed class OutcomeLedgerContract
{
    private static readonly Lazy<CompiledContract> Compiled = new(() => CompiledContract.OutcomeLedger);
    private static readonly Lazy<ContractAbi> LedgerAndToken = new(() => ContractAbi.Combine(Compiled.Value.Abi, OutcomeTokenContract.Contract.Abi));

    /// <summary>A wrapper for the ledger at <paramref name="address"/>.</summary>
    public OutcomeLedgerContract(string address, IEthereumRpc rpc)
    {
        Address = AddressUtil.Current.ConvertToChecksumAddress(address);
        Rpc = rpc;
    }

    /// <summary>The compiled contract (ABI and bytecode).</summary>
    public static CompiledContract Contract => Compiled.Value;

    /// <summary>The ledger's and the token's ABI together: decodes every event and revert a ledger transaction can produce.</summary>
    public static ContractAbi CombinedAbi => LedgerAndToken.Value;

    /// <summary>The checksummed address.</summary>
    public string Address { get; }

    /// <summary>The node.</summary>
    public IEthereumRpc Rpc { get; }

    /// <summary>Deploys a new ledger; <paramref name="admin"/> becomes its admin and first commissioner. Returns the wrapper and the deployment block.</summary>
    public static async Task<(OutcomeLedgerContract Ledger, TransactionReceipt Receipt)> DeployAsync(Account admin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var receipt = await admin.DeployAsync(Contract.Abi.EncodeDeployment(Contract.Bytecode), cancellationToken).ConfigureAwait(false);
        return (new OutcomeLedgerContract(receipt.ContractAddress!, admin.Rpc), receipt);
    }

    /// <summary>The admin allows (or disallows) <paramref name="commissioner"/> to register projects.</summary>
    public Task<TransactionReceipt> SetCommissionerAsync(Account admin, string commissioner, bool allowed = true, CancellationToken cancellationToken = default) =>
        SendAsync(admin, "setCommissioner", cancellationToken, commissioner, allowed);

    /// <summary>A commissioner registers <paramref name="projectId"/> with the hash of its metadata.</summary>
    public Task<TransactionReceipt> RegisterProjectAsync(Account commissioner, string projectId, byte[] metadataHash, CancellationToken cancellationToken = default) =>
        SendAsync(commissioner, "registerProject", cancellationToken, LedgerIds.ToBytes32(projectId), metadataHash);

    /// <summary>The project's commissioner approves (or revokes) a validator.</summary>
    public Task<TransactionReceipt> ApproveValidatorAsync(Account commissioner, string projectId, string validator, bool approved = true, CancellationToken cancellationToken = default) =>
        SendAsync(commissioner, "approveValidator", cancellationToken, LedgerIds.ToBytes32(projectId), validator, approved);

    /// <summary>The funder commits up to <paramref name="maxAmount"/> units of <paramref name="token"/>, optionally capped per metric (null metric: whole project, cap 0).</summary>
    public Task<TransactionReceipt> CommitAsync(Account funder, string projectId, string token, BigInteger maxAmount, string? metricId = null, BigInteger capPerMetric = default, CancellationToken cancellationToken = default) =>
        SendAsync(funder, "commitFunding", cancellationToken, LedgerIds.ToBytes32(projectId), token, maxAmount, metricId is null ? new byte[32] : LedgerIds.ToBytes32(metricId), capPerMetric);

    /// <summary>An approved validator attests <paramref name="count"/> outcomes of a metric over a period, with the hash of the evidence.</summary>
    public Task<TransactionReceipt> AttestAsync(Account validator, string projectId, string metricId, DateTimeOffset periodStart, DateTimeOffset periodEnd, BigInteger count, byte[] evidenceHash, CancellationToken cancellationToken = default) =>
        SendAsync(validator, "attestOutcome", cancellationToken, LedgerIds.ToBytes32(projectId), LedgerIds.ToBytes32(metricId), periodStart.ToUnixTimeSeconds(), periodEnd.ToUnixTimeSeconds(), count, evidenceHash);

    /// <summary>
    /// The payer pays <paramref name="amount"/> units of <paramref name="token"/> to <paramref name="recipient"/>
    /// for a metric and period. The payer must have approved the ledger on the token first.
    /// </summary>
    public Task<TransactionReceipt> PayAsync(Account payer, string projectId, string metricId, string recipient, string token, BigInteger amount, DateTimeOffset periodStart, DateTimeOffset periodEnd, CancellationToken cancellationToken = default) =>
        SendAsync(payer, "payOutcome", cancellationToken, LedgerIds.ToBytes32(projectId), LedgerIds.ToBytes32(metricId), recipient, token, amount, periodStart.ToUnixTimeSeconds(), periodEnd.ToUnixTimeSeconds());

    /// <summary>The commissioner or an approved validator anchors the Merkle root of an off-chain dataset and where to find it.</summary>
    public Task<TransactionReceipt> AnchorAsync(Account sender, string projectId, byte[] merkleRoot, string uri, CancellationToken cancellationToken = default) =>
        SendAsync(sender, "anchorDataset", cancellationToken, LedgerIds.ToBytes32(projectId), merkleRoot, uri);

    /// <summary>Whether <paramref name="validator"/> is approved for the project.</summary>
    public async Task<bool> IsValidatorAsync(string projectId, string validator, CancellationToken cancellationToken = default) =>
        (bool)(await CallAsync("isValidator", cancellationToken, LedgerIds.ToBytes32(projectId), validator).ConfigureAwait(false))[0]!;

    /// <summary>The commissioner of a project, or the zero address when it is not registered.</summary>
    public async Task<string> GetCommissionerAsync(string projectId, CancellationToken cancellationToken = default) =>
        (string)(await CallAsync("projects", cancellationToken, LedgerIds.ToBytes32(projectId)).ConfigureAwait(false))[0]!;

    private async Task<IReadOnlyList<object?>> CallAsync(string function, CancellationToken cancellationToken, params object?[] arguments)
    {
        var f = Contract.Abi.GetFunction(function);
        var data = await Rpc.EthCallAsync(new CallRequest(null, Address, f.EncodeCall(arguments)), BlockParameter.Latest, cancellationToken).ConfigureAwait(false);
        return f.DecodeOutput(data);
    }

    private Task<TransactionReceipt> SendAsync(Account sender, string function, CancellationToken cancellationToken, params object?[] arguments) =>
        sender.SendAndWaitAsync(new TransactionRequest(Address, Contract.Abi.GetFunction(function).EncodeCall(arguments)) { Abi = CombinedAbi }, cancellationToken);
}
