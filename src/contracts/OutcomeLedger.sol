// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @dev The part of ERC-20 the ledger needs to move outcome payments.
interface IERC20Minimal {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// @title OutcomeLedger
/// @notice A shared record of an outcomes-based collaboration: projects registered by commissioners,
/// validators approved per project, funding commitments, outcome attestations, outcome payments in an
/// ERC-20 stablecoin, anchors (Merkle roots) of off-chain datasets and corrections of anchored records. Every state change emits an
/// event indexed by project id, so the whole history can be read back from logs.
/// @dev Ids (project, metric) are bytes32: short text ids right-padded with zeros, longer ones hashed.
/// Periods are Unix seconds. The ledger records; it does not enforce caps: a payment above a cap is
/// recorded so that analysis can flag it.
contract OutcomeLedger {
    struct ProjectRecord {
        address commissioner;
        bytes32 metadataHash;
        uint64 registeredAt;
    }

    address public immutable admin;
    mapping(address => bool) public isCommissioner;
    mapping(bytes32 => ProjectRecord) public projects;
    mapping(bytes32 => mapping(address => bool)) public isValidator;
    uint256 public commitmentCount;

    error NotAdmin(address caller);
    error NotCommissioner(bytes32 projectId, address caller);
    error NotValidator(bytes32 projectId, address caller);
    error UnknownProject(bytes32 projectId);
    error ProjectExists(bytes32 projectId);
    error InvalidPeriod(uint64 periodStart, uint64 periodEnd);
    error ZeroAmount();
    error TransferFailed(address token, address from, address to, uint256 amount);

    event CommissionerSet(address indexed commissioner, bool allowed);
    event ProjectRegistered(bytes32 indexed projectId, address indexed commissioner, bytes32 metadataHash);
    event ValidatorApproved(bytes32 indexed projectId, address indexed validator, bool approved);
    event FundingCommitted(
        bytes32 indexed projectId,
        uint256 indexed commitmentId,
        address indexed funder,
        address token,
        uint256 maxAmount,
        bytes32 metricId,
        uint256 capPerMetric
    );
    event OutcomeAttested(
        bytes32 indexed projectId,
        bytes32 indexed metricId,
        address indexed validator,
        uint64 periodStart,
        uint64 periodEnd,
        uint256 count,
        bytes32 evidenceHash
    );
    event OutcomePaid(
        bytes32 indexed projectId,
        bytes32 indexed metricId,
        address indexed payer,
        address recipient,
        address token,
        uint256 amount,
        uint64 periodStart,
        uint64 periodEnd
    );
    event DatasetAnchored(bytes32 indexed projectId, bytes32 indexed merkleRoot, address indexed anchoredBy, string uri);
    event RecordCorrected(
        bytes32 indexed projectId,
        bytes32 indexed originalRoot,
        bytes32 indexed correctionRoot,
        address correctedBy,
        string record,
        string reason
    );

    constructor() {
        admin = msg.sender;
        isCommissioner[msg.sender] = true;
        emit CommissionerSet(msg.sender, true);
    }

    modifier onlyCommissionerOf(bytes32 projectId) {
        if (projects[projectId].commissioner == address(0)) revert UnknownProject(projectId);
        if (projects[projectId].commissioner != msg.sender) revert NotCommissioner(projectId, msg.sender);
        _;
    }

    modifier knownProject(bytes32 projectId) {
        if (projects[projectId].commissioner == address(0)) revert UnknownProject(projectId);
        _;
    }

    /// @notice The admin (deployer) allows or disallows an address to register projects.
    function setCommissioner(address commissioner, bool allowed) external {
        if (msg.sender != admin) revert NotAdmin(msg.sender);
        isCommissioner[commissioner] = allowed;
        emit CommissionerSet(commissioner, allowed);
    }

    /// @notice A commissioner registers a project and becomes its commissioner.
    function registerProject(bytes32 projectId, bytes32 metadataHash) external {
        if (!isCommissioner[msg.sender]) revert NotCommissioner(projectId, msg.sender);
        if (projects[projectId].commissioner != address(0)) revert ProjectExists(projectId);
        projects[projectId] = ProjectRecord(msg.sender, metadataHash, uint64(block.timestamp));
        emit ProjectRegistered(projectId, msg.sender, metadataHash);
    }

    /// @notice The project's commissioner approves (or revokes) a validator of outcomes.
    function approveValidator(bytes32 projectId, address validator, bool approved) external onlyCommissionerOf(projectId) {
        isValidator[projectId][validator] = approved;
        emit ValidatorApproved(projectId, validator, approved);
    }

    /// @notice The caller commits to fund outcomes of a project in `token`, up to `maxAmount`,
    /// optionally capped at `capPerMetric` for `metricId` (zero metric id: the whole project).
    function commitFunding(bytes32 projectId, address token, uint256 maxAmount, bytes32 metricId, uint256 capPerMetric)
        external
        knownProject(projectId)
        returns (uint256 commitmentId)
    {
        if (maxAmount == 0) revert ZeroAmount();
        commitmentId = ++commitmentCount;
        emit FundingCommitted(projectId, commitmentId, msg.sender, token, maxAmount, metricId, capPerMetric);
    }

    /// @notice An approved validator attests `count` outcomes of `metricId` over a period.
    function attestOutcome(bytes32 projectId, bytes32 metricId, uint64 periodStart, uint64 periodEnd, uint256 count, bytes32 evidenceHash)
        external
        knownProject(projectId)
    {
        if (!isValidator[projectId][msg.sender]) revert NotValidator(projectId, msg.sender);
        if (periodEnd < periodStart) revert InvalidPeriod(periodStart, periodEnd);
        emit OutcomeAttested(projectId, metricId, msg.sender, periodStart, periodEnd, count, evidenceHash);
    }

    /// @notice The caller pays `amount` of `token` to `recipient` for outcomes of a metric and period
    /// (the caller must have approved this contract to move the amount).
    function payOutcome(bytes32 projectId, bytes32 metricId, address recipient, address token, uint256 amount, uint64 periodStart, uint64 periodEnd)
        external
        knownProject(projectId)
    {
        if (amount == 0) revert ZeroAmount();
        if (periodEnd < periodStart) revert InvalidPeriod(periodStart, periodEnd);
        if (!IERC20Minimal(token).transferFrom(msg.sender, recipient, amount)) {
            revert TransferFailed(token, msg.sender, recipient, amount);
        }
        emit OutcomePaid(projectId, metricId, msg.sender, recipient, token, amount, periodStart, periodEnd);
    }

    /// @notice The commissioner or an approved validator anchors the Merkle root of an off-chain dataset.
    function anchorDataset(bytes32 projectId, bytes32 merkleRoot, string calldata uri) external knownProject(projectId) {
        if (projects[projectId].commissioner != msg.sender && !isValidator[projectId][msg.sender]) {
            revert NotValidator(projectId, msg.sender);
        }
        emit DatasetAnchored(projectId, merkleRoot, msg.sender, uri);
    }

    /// @notice The commissioner or an approved validator records that `record` (FILE:ROW) of the dataset anchored as
    /// `originalRoot` is corrected by a record of the dataset anchored as `correctionRoot`, and why. Nothing is
    /// overwritten: the original stays provable, and readers use the corrected view (as accounting reversals do).
    function correctRecord(bytes32 projectId, bytes32 originalRoot, bytes32 correctionRoot, string calldata record, string calldata reason)
        external
        knownProject(projectId)
    {
        if (projects[projectId].commissioner != msg.sender && !isValidator[projectId][msg.sender]) {
            revert NotValidator(projectId, msg.sender);
        }
        emit RecordCorrected(projectId, originalRoot, correctionRoot, msg.sender, record, reason);
    }
}
