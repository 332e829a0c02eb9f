#pragma warning disable SA1402, SA1649, CA1034 // One file per contract, as Nethereum's code generator lays out a contract definition.
using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

// The typed messages of src/contracts/OutcomeLedger.sol, written in the shape Nethereum's code generator produces
// (a deployment message, one FunctionMessage per function, an output DTO per multi-value result, an IEventDTO per
// event and an error DTO per custom error). OutcomeLedgerDefinitionTests checks every signature, selector and topic
// here against the ABI that solc compiles from the source, both ways, so the two cannot drift apart.
namespace CollabInsights.OnChain.Contracts.OutcomeLedgerDefinition;

/// <summary>Deploys the ledger; the sender becomes its admin and first commissioner.</summary>
public sealed class OutcomeLedgerDeployment : ContractDeploymentMessage
{
    /// <summary>A deployment with the compiled creation bytecode.</summary>
    public OutcomeLedgerDeployment()
        : base(CompiledContract.OutcomeLedger.BytecodeHex)
    {
    }
}

/// <summary><c>setCommissioner(address,bool)</c>: the admin allows or disallows an address to register projects.</summary>
[Function("setCommissioner")]
public sealed class SetCommissionerFunction : FunctionMessage
{
    /// <summary>The address.</summary>
    [Parameter("address", "commissioner", 1)]
    public string Commissioner { get; set; } = string.Empty;

    /// <summary>Allowed or not.</summary>
    [Parameter("bool", "allowed", 2)]
    public bool Allowed { get; set; }
}

/// <summary><c>registerProject(bytes32,bytes32)</c>: a commissioner registers a project with the hash of its metadata.</summary>
[Function("registerProject")]
public sealed class RegisterProjectFunction : FunctionMessage
{
    /// <summary>The project id as bytes32 (<see cref="LedgerIds.ToBytes32"/>).</summary>
    [Parameter("bytes32", "projectId", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>Keccak-256 of the project's metadata.</summary>
    [Parameter("bytes32", "metadataHash", 2)]
    public byte[] MetadataHash { get; set; } = new byte[32];
}

/// <summary><c>approveValidator(bytes32,address,bool)</c>: the project's commissioner approves or revokes a validator.</summary>
[Function("approveValidator")]
public sealed class ApproveValidatorFunction : FunctionMessage
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The validator's address.</summary>
    [Parameter("address", "validator", 2)]
    public string Validator { get; set; } = string.Empty;

    /// <summary>Approved or revoked.</summary>
    [Parameter("bool", "approved", 3)]
    public bool Approved { get; set; }
}

/// <summary><c>commitFunding(bytes32,address,uint256,bytes32,uint256)</c>: a funder commits up to an amount of a token, optionally capped per metric.</summary>
[Function("commitFunding", "uint256")]
public sealed class CommitFundingFunction : FunctionMessage
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The ERC-20 token.</summary>
    [Parameter("address", "token", 2)]
    public string Token { get; set; } = string.Empty;

    /// <summary>The most the funder commits, in token units.</summary>
    [Parameter("uint256", "maxAmount", 3)]
    public BigInteger MaxAmount { get; set; }

    /// <summary>The metric the cap applies to (zero bytes: the whole project).</summary>
    [Parameter("bytes32", "metricId", 4)]
    public byte[] MetricId { get; set; } = new byte[32];

    /// <summary>The cap per metric in token units (0: none).</summary>
    [Parameter("uint256", "capPerMetric", 5)]
    public BigInteger CapPerMetric { get; set; }
}

/// <summary><c>attestOutcome(bytes32,bytes32,uint64,uint64,uint256,bytes32)</c>: an approved validator attests a count of outcomes over a period.</summary>
[Function("attestOutcome")]
public sealed class AttestOutcomeFunction : FunctionMessage
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The metric id as bytes32.</summary>
    [Parameter("bytes32", "metricId", 2)]
    public byte[] MetricId { get; set; } = new byte[32];

    /// <summary>Period start, Unix seconds.</summary>
    [Parameter("uint64", "periodStart", 3)]
    public ulong PeriodStart { get; set; }

    /// <summary>Period end, Unix seconds.</summary>
    [Parameter("uint64", "periodEnd", 4)]
    public ulong PeriodEnd { get; set; }

    /// <summary>Outcomes achieved.</summary>
    [Parameter("uint256", "count", 5)]
    public BigInteger Count { get; set; }

    /// <summary>Keccak-256 of the evidence.</summary>
    [Parameter("bytes32", "evidenceHash", 6)]
    public byte[] EvidenceHash { get; set; } = new byte[32];
}

/// <summary><c>payOutcome(bytes32,bytes32,address,address,uint256,uint64,uint64)</c>: a payer pays for a metric and period (tokens moved by the ledger).</summary>
[Function("payOutcome")]
public sealed class PayOutcomeFunction : FunctionMessage
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The metric id as bytes32.</summary>
    [Parameter("bytes32", "metricId", 2)]
    public byte[] MetricId { get; set; } = new byte[32];

    /// <summary>Who is paid.</summary>
    [Parameter("address", "recipient", 3)]
    public string Recipient { get; set; } = string.Empty;

    /// <summary>The ERC-20 token.</summary>
    [Parameter("address", "token", 4)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Token units.</summary>
    [Parameter("uint256", "amount", 5)]
    public BigInteger Amount { get; set; }

    /// <summary>Period start, Unix seconds.</summary>
    [Parameter("uint64", "periodStart", 6)]
    public ulong PeriodStart { get; set; }

    /// <summary>Period end, Unix seconds.</summary>
    [Parameter("uint64", "periodEnd", 7)]
    public ulong PeriodEnd { get; set; }
}

/// <summary><c>anchorDataset(bytes32,bytes32,string)</c>: the commissioner or a validator anchors a dataset's Merkle root and where to find it.</summary>
[Function("anchorDataset")]
public sealed class AnchorDatasetFunction : FunctionMessage
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The dataset's Merkle root.</summary>
    [Parameter("bytes32", "merkleRoot", 2)]
    public byte[] MerkleRoot { get; set; } = new byte[32];

    /// <summary>Where the dataset is.</summary>
    [Parameter("string", "uri", 3)]
    public string Uri { get; set; } = string.Empty;
}

/// <summary><c>correctRecord(bytes32,bytes32,bytes32,string,string)</c>: records a correction of an anchored dataset (the original stays).</summary>
[Function("correctRecord")]
public sealed class CorrectRecordFunction : FunctionMessage
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The root of the anchored dataset being corrected.</summary>
    [Parameter("bytes32", "originalRoot", 2)]
    public byte[] OriginalRoot { get; set; } = new byte[32];

    /// <summary>The root of the corrected dataset.</summary>
    [Parameter("bytes32", "correctionRoot", 3)]
    public byte[] CorrectionRoot { get; set; } = new byte[32];

    /// <summary>The record corrected.</summary>
    [Parameter("string", "record", 4)]
    public string Record { get; set; } = string.Empty;

    /// <summary>Why.</summary>
    [Parameter("string", "reason", 5)]
    public string Reason { get; set; } = string.Empty;
}

/// <summary><c>admin()</c>: the deployer.</summary>
[Function("admin", "address")]
public sealed class AdminFunction : FunctionMessage
{
}

/// <summary><c>commitmentCount()</c>: commitments recorded so far.</summary>
[Function("commitmentCount", "uint256")]
public sealed class CommitmentCountFunction : FunctionMessage
{
}

/// <summary><c>isCommissioner(address)</c>.</summary>
[Function("isCommissioner", "bool")]
public sealed class IsCommissionerFunction : FunctionMessage
{
    /// <summary>The address asked about.</summary>
    [Parameter("address", "", 1)]
    public string Address { get; set; } = string.Empty;
}

/// <summary><c>isValidator(bytes32,address)</c>.</summary>
[Function("isValidator", "bool")]
public sealed class IsValidatorFunction : FunctionMessage
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The address asked about.</summary>
    [Parameter("address", "", 2)]
    public string Validator { get; set; } = string.Empty;
}

/// <summary><c>projects(bytes32)</c>: a project's record (commissioner, metadata hash, registration time).</summary>
[Function("projects", typeof(ProjectsOutputDTO))]
public sealed class ProjectsFunction : FunctionMessage
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];
}

/// <summary>What <c>projects(bytes32)</c> returns; the zero address as commissioner means the project is not registered.</summary>
[FunctionOutput]
public sealed class ProjectsOutputDTO : IFunctionOutputDTO
{
    /// <summary>The commissioner.</summary>
    [Parameter("address", "commissioner", 1)]
    public string Commissioner { get; set; } = string.Empty;

    /// <summary>Keccak-256 of the project's metadata.</summary>
    [Parameter("bytes32", "metadataHash", 2)]
    public byte[] MetadataHash { get; set; } = new byte[32];

    /// <summary>Block timestamp of the registration, Unix seconds.</summary>
    [Parameter("uint64", "registeredAt", 3)]
    public ulong RegisteredAt { get; set; }
}

/// <summary><c>CommissionerSet(address indexed,bool)</c>.</summary>
[Event("CommissionerSet")]
public sealed class CommissionerSetEventDTO : IEventDTO
{
    /// <summary>The address.</summary>
    [Parameter("address", "commissioner", 1, true)]
    public string Commissioner { get; set; } = string.Empty;

    /// <summary>Allowed or not.</summary>
    [Parameter("bool", "allowed", 2, false)]
    public bool Allowed { get; set; }
}

/// <summary><c>ProjectRegistered(bytes32 indexed,address indexed,bytes32)</c>.</summary>
[Event("ProjectRegistered")]
public sealed class ProjectRegisteredEventDTO : IEventDTO
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1, true)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The commissioner.</summary>
    [Parameter("address", "commissioner", 2, true)]
    public string Commissioner { get; set; } = string.Empty;

    /// <summary>Keccak-256 of the metadata.</summary>
    [Parameter("bytes32", "metadataHash", 3, false)]
    public byte[] MetadataHash { get; set; } = new byte[32];
}

/// <summary><c>ValidatorApproved(bytes32 indexed,address indexed,bool)</c>.</summary>
[Event("ValidatorApproved")]
public sealed class ValidatorApprovedEventDTO : IEventDTO
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1, true)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The validator.</summary>
    [Parameter("address", "validator", 2, true)]
    public string Validator { get; set; } = string.Empty;

    /// <summary>Approved or revoked.</summary>
    [Parameter("bool", "approved", 3, false)]
    public bool Approved { get; set; }
}

/// <summary><c>FundingCommitted(bytes32 indexed,uint256 indexed,address indexed,address,uint256,bytes32,uint256)</c>.</summary>
[Event("FundingCommitted")]
public sealed class FundingCommittedEventDTO : IEventDTO
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1, true)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The commitment's sequence number.</summary>
    [Parameter("uint256", "commitmentId", 2, true)]
    public BigInteger CommitmentId { get; set; }

    /// <summary>The funder.</summary>
    [Parameter("address", "funder", 3, true)]
    public string Funder { get; set; } = string.Empty;

    /// <summary>The token.</summary>
    [Parameter("address", "token", 4, false)]
    public string Token { get; set; } = string.Empty;

    /// <summary>The most committed, in token units.</summary>
    [Parameter("uint256", "maxAmount", 5, false)]
    public BigInteger MaxAmount { get; set; }

    /// <summary>The capped metric (zero bytes: none).</summary>
    [Parameter("bytes32", "metricId", 6, false)]
    public byte[] MetricId { get; set; } = new byte[32];

    /// <summary>The cap per metric.</summary>
    [Parameter("uint256", "capPerMetric", 7, false)]
    public BigInteger CapPerMetric { get; set; }
}

/// <summary><c>OutcomeAttested(bytes32 indexed,bytes32 indexed,address indexed,uint64,uint64,uint256,bytes32)</c>.</summary>
[Event("OutcomeAttested")]
public sealed class OutcomeAttestedEventDTO : IEventDTO
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1, true)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The metric id as bytes32.</summary>
    [Parameter("bytes32", "metricId", 2, true)]
    public byte[] MetricId { get; set; } = new byte[32];

    /// <summary>The validator.</summary>
    [Parameter("address", "validator", 3, true)]
    public string Validator { get; set; } = string.Empty;

    /// <summary>Period start, Unix seconds.</summary>
    [Parameter("uint64", "periodStart", 4, false)]
    public ulong PeriodStart { get; set; }

    /// <summary>Period end, Unix seconds.</summary>
    [Parameter("uint64", "periodEnd", 5, false)]
    public ulong PeriodEnd { get; set; }

    /// <summary>Outcomes achieved.</summary>
    [Parameter("uint256", "count", 6, false)]
    public BigInteger Count { get; set; }

    /// <summary>Keccak-256 of the evidence.</summary>
    [Parameter("bytes32", "evidenceHash", 7, false)]
    public byte[] EvidenceHash { get; set; } = new byte[32];
}

/// <summary><c>OutcomePaid(bytes32 indexed,bytes32 indexed,address indexed,address,address,uint256,uint64,uint64)</c>.</summary>
[Event("OutcomePaid")]
public sealed class OutcomePaidEventDTO : IEventDTO
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1, true)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The metric id as bytes32.</summary>
    [Parameter("bytes32", "metricId", 2, true)]
    public byte[] MetricId { get; set; } = new byte[32];

    /// <summary>The payer.</summary>
    [Parameter("address", "payer", 3, true)]
    public string Payer { get; set; } = string.Empty;

    /// <summary>The recipient.</summary>
    [Parameter("address", "recipient", 4, false)]
    public string Recipient { get; set; } = string.Empty;

    /// <summary>The token.</summary>
    [Parameter("address", "token", 5, false)]
    public string Token { get; set; } = string.Empty;

    /// <summary>Token units.</summary>
    [Parameter("uint256", "amount", 6, false)]
    public BigInteger Amount { get; set; }

    /// <summary>Period start, Unix seconds.</summary>
    [Parameter("uint64", "periodStart", 7, false)]
    public ulong PeriodStart { get; set; }

    /// <summary>Period end, Unix seconds.</summary>
    [Parameter("uint64", "periodEnd", 8, false)]
    public ulong PeriodEnd { get; set; }
}

/// <summary><c>DatasetAnchored(bytes32 indexed,bytes32 indexed,address indexed,string)</c>.</summary>
[Event("DatasetAnchored")]
public sealed class DatasetAnchoredEventDTO : IEventDTO
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1, true)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The dataset's Merkle root.</summary>
    [Parameter("bytes32", "merkleRoot", 2, true)]
    public byte[] MerkleRoot { get; set; } = new byte[32];

    /// <summary>Who anchored it.</summary>
    [Parameter("address", "anchoredBy", 3, true)]
    public string AnchoredBy { get; set; } = string.Empty;

    /// <summary>Where the dataset is.</summary>
    [Parameter("string", "uri", 4, false)]
    public string Uri { get; set; } = string.Empty;
}

/// <summary><c>RecordCorrected(bytes32 indexed,bytes32 indexed,bytes32 indexed,address,string,string)</c>.</summary>
[Event("RecordCorrected")]
public sealed class RecordCorrectedEventDTO : IEventDTO
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1, true)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The root of the corrected dataset's original.</summary>
    [Parameter("bytes32", "originalRoot", 2, true)]
    public byte[] OriginalRoot { get; set; } = new byte[32];

    /// <summary>The root of the correction.</summary>
    [Parameter("bytes32", "correctionRoot", 3, true)]
    public byte[] CorrectionRoot { get; set; } = new byte[32];

    /// <summary>Who corrected it.</summary>
    [Parameter("address", "correctedBy", 4, false)]
    public string CorrectedBy { get; set; } = string.Empty;

    /// <summary>The record corrected.</summary>
    [Parameter("string", "record", 5, false)]
    public string Record { get; set; } = string.Empty;

    /// <summary>Why.</summary>
    [Parameter("string", "reason", 6, false)]
    public string Reason { get; set; } = string.Empty;
}

/// <summary><c>NotAdmin(address)</c>.</summary>
[Error("NotAdmin")]
public sealed class NotAdminError
{
    /// <summary>The caller.</summary>
    [Parameter("address", "caller", 1)]
    public string Caller { get; set; } = string.Empty;
}

/// <summary><c>NotCommissioner(bytes32,address)</c>.</summary>
[Error("NotCommissioner")]
public sealed class NotCommissionerError
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The caller.</summary>
    [Parameter("address", "caller", 2)]
    public string Caller { get; set; } = string.Empty;
}

/// <summary><c>NotValidator(bytes32,address)</c>.</summary>
[Error("NotValidator")]
public sealed class NotValidatorError
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];

    /// <summary>The caller.</summary>
    [Parameter("address", "caller", 2)]
    public string Caller { get; set; } = string.Empty;
}

/// <summary><c>UnknownProject(bytes32)</c>.</summary>
[Error("UnknownProject")]
public sealed class UnknownProjectError
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];
}

/// <summary><c>ProjectExists(bytes32)</c>.</summary>
[Error("ProjectExists")]
public sealed class ProjectExistsError
{
    /// <summary>The project id as bytes32.</summary>
    [Parameter("bytes32", "projectId", 1)]
    public byte[] ProjectId { get; set; } = new byte[32];
}

/// <summary><c>InvalidPeriod(uint64,uint64)</c>.</summary>
[Error("InvalidPeriod")]
public sealed class InvalidPeriodError
{
    /// <summary>Period start, Unix seconds.</summary>
    [Parameter("uint64", "periodStart", 1)]
    public ulong PeriodStart { get; set; }

    /// <summary>Period end, Unix seconds.</summary>
    [Parameter("uint64", "periodEnd", 2)]
    public ulong PeriodEnd { get; set; }
}

/// <summary><c>ZeroAmount()</c>.</summary>
[Error("ZeroAmount")]
public sealed class ZeroAmountError
{
}

/// <summary><c>TransferFailed(address,address,address,uint256)</c>.</summary>
[Error("TransferFailed")]
public sealed class TransferFailedError
{
    /// <summary>The token.</summary>
    [Parameter("address", "token", 1)]
    public string Token { get; set; } = string.Empty;

    /// <summary>From.</summary>
    [Parameter("address", "from", 2)]
    public string From { get; set; } = string.Empty;

    /// <summary>To.</summary>
    [Parameter("address", "to", 3)]
    public string To { get; set; } = string.Empty;

    /// <summary>Token units.</summary>
    [Parameter("uint256", "amount", 4)]
    public BigInteger Amount { get; set; }
}
