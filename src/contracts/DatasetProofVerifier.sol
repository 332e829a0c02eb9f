// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title DatasetProofVerifier
/// @notice Checks proofs of records of an anchored dataset on chain with OpenZeppelin's MerkleProof, the way a contract
/// that pays per verified outcome would: a leaf is keccak256(bytes.concat(keccak256(abi.encode(record, field, value, salt)))),
/// the OpenZeppelin StandardMerkleTree leaf of the CollabInsights leaf encoding (string, string, string, bytes32).
contract DatasetProofVerifier {
    /// @notice Whether `proof` leads from `leaf` to `root` (sorted-pair hashing).
    function verify(bytes32[] calldata proof, bytes32 root, bytes32 leaf) external pure returns (bool) {
        return MerkleProof.verifyCalldata(proof, root, leaf);
    }

    /// @notice The standard leaf hash of one record field (field empty: the whole record's canonical serialisation).
    function leafHash(string calldata record, string calldata field, string calldata value, bytes32 salt) public pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(record, field, value, salt))));
    }

    /// @notice Whether the disclosed value of `field` of `record`, with its salt, is proven by `proof` under `root`.
    function verifyRecord(bytes32[] calldata proof, bytes32 root, string calldata record, string calldata field, string calldata value, bytes32 salt)
        external
        pure
        returns (bool)
    {
        return MerkleProof.verifyCalldata(proof, root, leafHash(record, field, value, salt));
    }
}
