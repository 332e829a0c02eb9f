using System.Numerics;
using CollabInsights.OnChain.Contracts.OutcomeLedgerDefinition;
using CollabInsights.OnChain.Transactions;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;

namespace CollabInsights.OnChain.Contracts;

/// <summary>
/// A deployed <c>OutcomeLedger</c>, in the shape of a Nethereum code-generated contract service: typed requests
/// (<c>...RequestAndWaitForReceiptAsync</c>) and queries (<c>...QueryAsync</c>) over the messages of
/// <see cref="OutcomeLedgerDefinition"/>, sent from the account of <see cref="ContractWeb3ServiceBase.Web3"/>
/// (<see cref="WithSender"/> for another one), plus shortcuts that take text ids (<see cref="LedgerIds"/>), UTC periods and
/// token units. Each request waits for its receipt; a rule violation throws <see cref="TransactionRevertedException"/>
/// naming the custom error.
/// </summary>
public sealed class OutcomeLedgerService : ContractWeb3ServiceBase
{
    /// <summary>A service for the ledger at <paramref name="contractAddress"/>, sending from the account of <paramref name="web3"/> (if any).</summary>
    public OutcomeLedgerService(IWeb3 web3, string contractAddress)
        : base(web3, AddressUtil.Current.ConvertToChecksumAddress(contractAddress))
    {
    }

    /// <summary>The compiled contract (ABI and bytecode).</summary>
    public static CompiledContract Contract => CompiledContract.OutcomeLedger;

    /// <summary>Deploys a new ledger from the account of <paramref name="web3"/> (its admin and first commissioner). Returns the service and the deployment receipt.</summary>
    public static async Task<(OutcomeLedgerService Ledger, TransactionReceipt Receipt)> DeployAsync(IWeb3 web3, CancellationToken cancellationToken = default)
    {
        var receipt = await ContractTransactions.DeployAsync(web3, new OutcomeLedgerDeployment(), cancellationToken).ConfigureAwait(false);
        return (new OutcomeLedgerService(web3, receipt.ContractAddress), receipt);
    }

    /// <summary>The same ledger, sending from the account of <paramref name="web3"/>.</summary>
    public OutcomeLedgerService WithSender(IWeb3 web3) => new(web3, ContractAddress);

    /// <summary>Sends <paramref name="message"/> to the ledger and waits for a successful receipt.</summary>
    public Task<TransactionReceipt> RequestAndWaitForReceiptAsync<TFunction>(TFunction message, CancellationToken cancellationToken = default)
        where TFunction : Nethereum.Contracts.FunctionMessage, new() =>
        ContractTransactions.SendAndWaitAsync(Web3, ContractAddress, message, cancellationToken);

    /// <summary><c>setCommissioner</c>.</summary>
    public Task<TransactionReceipt> SetCommissionerRequestAndWaitForReceiptAsync(SetCommissionerFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>registerProject</c>.</summary>
    public Task<TransactionReceipt> RegisterProjectRequestAndWaitForReceiptAsync(RegisterProjectFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>approveValidator</c>.</summary>
    public Task<TransactionReceipt> ApproveValidatorRequestAndWaitForReceiptAsync(ApproveValidatorFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>commitFunding</c>.</summary>
    public Task<TransactionReceipt> CommitFundingRequestAndWaitForReceiptAsync(CommitFundingFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>attestOutcome</c>.</summary>
    public Task<TransactionReceipt> AttestOutcomeRequestAndWaitForReceiptAsync(AttestOutcomeFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>payOutcome</c>.</summary>
    public Task<TransactionReceipt> PayOutcomeRequestAndWaitForReceiptAsync(PayOutcomeFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>anchorDataset</c>.</summary>
    public Task<TransactionReceipt> AnchorDatasetRequestAndWaitForReceiptAsync(AnchorDatasetFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>correctRecord</c>.</summary>
    public Task<TransactionReceipt> CorrectRecordRequestAndWaitForReceiptAsync(CorrectRecordFunction message, CancellationToken cancellationToken = default) => RequestAndWaitForReceiptAsync(message, cancellationToken);

    /// <summary><c>isValidator</c> at <paramref name="block"/> (default latest).</summary>
    public Task<bool> IsValidatorQueryAsync(IsValidatorFunction message, BlockParameter? block = null) =>
        ContractHandler.QueryAsync<IsValidatorFunction, bool>(message, block);

    /// <summary><c>isCommissioner</c> at <paramref name="block"/> (default latest).</summary>
    public Task<bool> IsCommissionerQueryAsync(IsCommissionerFunction message, BlockParameter? block = null) =>
        ContractHandler.QueryAsync<IsCommissionerFunction, bool>(message, block);

    /// <summary><c>projects</c> at <paramref name="block"/> (default latest).</summary>
    public Task<ProjectsOutputDTO> ProjectsQueryAsync(ProjectsFunction message, BlockParameter? block = null) =>
        ContractHandler.QueryDeserializingToObjectAsync<ProjectsFunction, ProjectsOutputDTO>(message, block);

    /// <summary><c>admin</c>.</summary>
    public Task<string> AdminQueryAsync(BlockParameter? block = null) =>
        ContractHandler.QueryAsync<AdminFunction, string>(new AdminFunction(), block);

    /// <summary><c>commitmentCount</c>.</summary>
    public Task<BigInteger> CommitmentCountQueryAsync(BlockParameter? block = null) =>
        ContractHandler.QueryAsync<CommitmentCountFunction, BigInteger>(new CommitmentCountFunction(), block);

    /// <summary>The admin allows (or disallows) <paramref name="commissioner"/> to register projects.</summary>
    public Task<TransactionReceipt> SetCommissionerAsync(string commissioner, bool allowed = true, CancellationToken cancellationToken = default) =>
        RequestAndWaitForReceiptAsync(new SetCommissionerFunction { Commissioner = commissioner, Allowed = allowed }, cancellationToken);

    /// <summary>The sender (a commissioner) registers <paramref name="projectId"/> with the hash of its metadata.</summary>
    public Task<TransactionReceipt> RegisterProjectAsync(string projectId, byte[] metadataHash, CancellationToken cancellationToken = default) =>
        RequestAndWaitForReceiptAsync(new RegisterProjectFunction { ProjectId = Id(projectId), MetadataHash = metadataHash }, cancellationToken);

    /// <summary>The sender (the project's commissioner) approves (or revokes) a validator.</summary>
    public Task<TransactionReceipt> ApproveValidatorAsync(string projectId, string validator, bool approved = true, CancellationToken cancellationToken = default) =>
        RequestAndWaitForReceiptAsync(new ApproveValidatorFunction { ProjectId = Id(projectId), Validator = validator, Approved = approved }, cancellationToken);

    /// <summary>The sender (a funder) commits up to <paramref name="maxAmount"/> units of <paramref name="token"/>, optionally capped per metric (null metric: whole project, cap 0).</summary>
    public Task<TransactionReceipt> CommitAsync(string projectId, string token, BigInteger maxAmount, string? metricId = null, BigInteger capPerMetric = default, CancellationToken cancellationToken = default) =>
        RequestAndWaitForReceiptAsync(
            new CommitFundingFunction { ProjectId = Id(projectId), Token = token, MaxAmount = maxAmount, MetricId = metricId is null ? new byte[32] : Id(metricId), CapPerMetric = capPerMetric },
            cancellationToken);

    /// <summary>The sender (an approved validator) attests <paramref name="count"/> outcomes of a metric over a period, with the hash of the evidence.</summary>
    public Task<TransactionReceipt> AttestAsync(string projectId, string metricId, DateTimeOffset periodStart, DateTimeOffset periodEnd, BigInteger count, byte[] evidenceHash, CancellationToken cancellationToken = default) =>
        RequestAndWaitForReceiptAsync(
            new AttestOutcomeFunction { ProjectId = Id(projectId), MetricId = Id(metricId), PeriodStart = Seconds(periodStart), PeriodEnd = Seconds(periodEnd), Count = count, EvidenceHash = evidenceHash },
            cancellationToken);

    /// <summary>
    /// The sender (a payer) pays <paramref name="amount"/> units of <paramref name="token"/> to <paramref name="recipient"/>
    /// for a metric and period. The payer must have approved the ledger on the token first.
    /// </summary>
    public Task<TransactionReceipt> PayAsync(string projectId, string metricId, string recipient, string token, BigInteger amount, DateTimeOffset periodStart, DateTimeOffset periodEnd, CancellationToken cancellationToken = default) =>
        RequestAndWaitForReceiptAsync(
            new PayOutcomeFunction { ProjectId = Id(projectId), MetricId = Id(metricId), Recipient = recipient, Token = token, Amount = amount, PeriodStart = Seconds(periodStart), PeriodEnd = Seconds(periodEnd) },
            cancellationToken);

    /// <summary>The sender (the commissioner or an approved validator) anchors the Merkle root of an off-chain dataset and where to find it.</summary>
    public Task<TransactionReceipt> AnchorAsync(string projectId, byte[] merkleRoot, string uri, CancellationToken cancellationToken = default) =>
        RequestAndWaitForReceiptAsync(new AnchorDatasetFunction { ProjectId = Id(projectId), MerkleRoot = merkleRoot, Uri = uri }, cancellationToken);

    /// <summary>Whether <paramref name="validator"/> is approved for the project.</summary>
    public Task<bool> IsValidatorAsync(string projectId, string validator, CancellationToken cancellationToken = default) =>
        IsValidatorQueryAsync(new IsValidatorFunction { ProjectId = Id(projectId), Validator = validator }).WaitAsync(cancellationToken);

    /// <summary>The commissioner of a project, or the zero address when it is not registered.</summary>
    public async Task<string> GetCommissionerAsync(string projectId, CancellationToken cancellationToken = default) =>
        (await ProjectsQueryAsync(new ProjectsFunction { ProjectId = Id(projectId) }).WaitAsync(cancellationToken).ConfigureAwait(false)).Commissioner;

    /// <inheritdoc/>
    public override List<Type> GetAllFunctionTypes() =>
    [
        typeof(SetCommissionerFunction), typeof(RegisterProjectFunction), typeof(ApproveValidatorFunction), typeof(CommitFundingFunction),
        typeof(AttestOutcomeFunction), typeof(PayOutcomeFunction), typeof(AnchorDatasetFunction), typeof(CorrectRecordFunction),
        typeof(AdminFunction), typeof(CommitmentCountFunction), typeof(IsCommissionerFunction), typeof(IsValidatorFunction), typeof(ProjectsFunction),
    ];

    /// <inheritdoc/>
    public override List<Type> GetAllEventTypes() =>
    [
        typeof(CommissionerSetEventDTO), typeof(ProjectRegisteredEventDTO), typeof(ValidatorApprovedEventDTO), typeof(FundingCommittedEventDTO),
        typeof(OutcomeAttestedEventDTO), typeof(OutcomePaidEventDTO), typeof(DatasetAnchoredEventDTO), typeof(RecordCorrectedEventDTO),
    ];

    /// <inheritdoc/>
    public override List<Type> GetAllErrorTypes() =>
    [
        typeof(NotAdminError), typeof(NotCommissionerError), typeof(NotValidatorError), typeof(UnknownProjectError),
        typeof(ProjectExistsError), typeof(InvalidPeriodError), typeof(ZeroAmountError), typeof(TransferFailedError),
    ];

    private static byte[] Id(string id) => LedgerIds.ToBytes32(id).HexToByteArray();

    private static ulong Seconds(DateTimeOffset time) => checked((ulong)time.ToUnixTimeSeconds());
}
