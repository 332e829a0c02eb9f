// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title CarbonBridge
/// @notice A carbon-credit bridge in the shape of Toucan's and C3's: the operator retires a block of credits in a
/// registry with the bridge's tag, then mints one token batch for it here (registry, project, vintage, serial range,
/// quantity, and the registry retirement it claims to be backed by). Holders move tonnes of a batch and retire them
/// for a beneficiary: the tokens are burnt and the next serials of the batch are claimed, in order.
/// @dev Like the bridges it models, the contract trusts its operator: it does not check that a serial range was
/// never bridged before (here, on another bridge or on another chain). Finding that is the job of reconciliation
/// against the registry, which reads the events below.
contract CarbonBridge {
    struct Batch {
        string serialStem;
        uint64 serialFirst;
        uint64 serialLast;
        uint64 quantity;
        uint64 retired;
    }

    /// @notice Who may mint batches.
    address public immutable operator;

    /// @notice The bridge's name, e.g. "Toucan".
    string public name;

    /// @notice Batches minted so far; batch ids run from 1.
    uint256 public batchCount;

    /// @notice Token retirements so far; retirement ids run from 1.
    uint256 public retirementCount;

    mapping(uint256 => Batch) private batches;

    /// @notice Tonnes of batch `batchId` held by an account.
    mapping(uint256 => mapping(address => uint256)) public balanceOf;

    /// @notice A batch was minted for a registry retirement.
    event BatchMinted(
        uint256 indexed batchId,
        address indexed holder,
        string registry,
        string projectId,
        uint16 vintage,
        string serialStem,
        uint64 serialFirst,
        uint64 serialLast,
        uint64 quantity,
        string registryRetirement
    );

    /// @notice Tonnes of a batch changed hands.
    event BatchTransferred(uint256 indexed batchId, address indexed from, address indexed to, uint64 quantity);

    /// @notice Tonnes of a batch were retired (burnt) for a beneficiary; the serials claimed are serialFirst..serialLast of the batch's stem.
    event TokensRetired(
        uint256 indexed retirementId,
        uint256 indexed batchId,
        address indexed holder,
        uint64 quantity,
        string serialStem,
        uint64 serialFirst,
        uint64 serialLast,
        string beneficiary
    );

    error NotOperator();
    error UnknownBatch(uint256 batchId);
    error InsufficientBalance(uint256 batchId, uint256 balance, uint256 quantity);
    error ZeroQuantity();

    constructor(string memory bridgeName) {
        operator = msg.sender;
        name = bridgeName;
    }

    /// @notice What a batch is minted for: a retired registry block.
    struct Credit {
        string registry;
        string projectId;
        uint16 vintage;
        string serialStem;
        uint64 serialFirst;
        uint64 serialLast;
        uint64 quantity;
        string registryRetirement;
    }

    /// @notice Mints a batch of `c.quantity` tonnes to `holder` for the retired registry block `c`.
    function mintBatch(address holder, Credit calldata c) external returns (uint256 batchId) {
        if (msg.sender != operator) revert NotOperator();
        if (c.quantity == 0) revert ZeroQuantity();
        batchId = ++batchCount;
        batches[batchId] = Batch(c.serialStem, c.serialFirst, c.serialLast, c.quantity, 0);
        balanceOf[batchId][holder] += c.quantity;
        Credit memory m = c; // memory strings take one stack slot each, calldata strings two
        emit BatchMinted(batchId, holder, m.registry, m.projectId, m.vintage, m.serialStem, m.serialFirst, m.serialLast, m.quantity, m.registryRetirement);
    }

    /// @notice Moves `quantity` tonnes of batch `batchId` from the sender to `to`.
    function transfer(uint256 batchId, address to, uint64 quantity) external {
        _debit(batchId, msg.sender, quantity);
        balanceOf[batchId][to] += quantity;
        emit BatchTransferred(batchId, msg.sender, to, quantity);
    }

    /// @notice Retires (burns) `quantity` tonnes of batch `batchId` held by the sender for `beneficiary`; claims the batch's next serials.
    function retire(uint256 batchId, uint64 quantity, string calldata beneficiary) external returns (uint256 retirementId) {
        _debit(batchId, msg.sender, quantity);
        Batch storage b = batches[batchId];
        uint64 first = b.serialFirst + b.retired;
        b.retired += quantity;
        retirementId = ++retirementCount;
        emit TokensRetired(retirementId, batchId, msg.sender, quantity, b.serialStem, first, first + quantity - 1, beneficiary);
    }

    /// @notice A batch's serial range, quantity and tonnes retired so far.
    function batch(uint256 batchId) external view returns (string memory serialStem, uint64 serialFirst, uint64 serialLast, uint64 quantity, uint64 retired) {
        if (batchId == 0 || batchId > batchCount) revert UnknownBatch(batchId);
        Batch storage b = batches[batchId];
        return (b.serialStem, b.serialFirst, b.serialLast, b.quantity, b.retired);
    }

    function _debit(uint256 batchId, address from, uint64 quantity) private {
        if (batchId == 0 || batchId > batchCount) revert UnknownBatch(batchId);
        if (quantity == 0) revert ZeroQuantity();
        uint256 balance = balanceOf[batchId][from];
        if (balance < quantity) revert InsufficientBalance(batchId, balance, quantity);
        balanceOf[batchId][from] = balance - quantity;
    }
}
