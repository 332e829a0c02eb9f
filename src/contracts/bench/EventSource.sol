// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @title EventSource: a contract that only emits events, for the extraction benchmark and the generic-ABI tests.
/// @notice Covers overloaded event names, anonymous events, indexed dynamic types (only their hash is a topic),
/// signed and 256-bit integers, strings, bytes, arrays and tuples.
contract EventSource {
    struct Position {
        address owner;
        uint96 size;
        int32[] marks;
    }

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Transfer(address indexed from, address indexed to, uint256 value, bytes memo);
    event Note(string indexed tag, bytes indexed blob, string text, int128 delta, uint256[] amounts, bool flag);
    event Moved(uint64 indexed id, Position position, bytes32 label);
    event Raw(uint256 indexed x, uint256 y) anonymous;
    event Unlisted(uint256 indexed a, uint256 indexed b);

    /// @notice Emits `count` Transfer(address,address,uint256) events with values derived from `seed`.
    function emitTransfers(uint256 count, uint256 seed) external {
        for (uint256 i = 0; i < count; i++) {
            uint256 k = seed + i;
            emit Transfer(address(uint160(k)), msg.sender, k * 1e18 + 7);
        }
    }

    /// @notice Emits one of each event kind with values derived from `seed`.
    function emitVaried(uint256 seed) external {
        emit Transfer(msg.sender, address(uint160(seed)), type(uint256).max - seed, abi.encodePacked("memo-", seed));
        uint256[] memory amounts = new uint256[](3);
        amounts[0] = seed;
        amounts[1] = type(uint256).max;
        amounts[2] = 0;
        emit Note(seed % 2 == 0 ? unicode"tag-é✓" : "tag", abi.encodePacked(seed), unicode"text ünïcode, \"quoted\"", -int128(int256(seed)) - 1, amounts, seed % 2 == 1);
        int32[] memory marks = new int32[](2);
        marks[0] = -int32(int256(seed % 1000));
        marks[1] = 2147483647;
        emit Moved(uint64(seed), Position(msg.sender, uint96(seed) * 3, marks), keccak256(abi.encodePacked(seed)));
        emit Raw(seed, seed * seed);
        emit Unlisted(seed, seed + 1);
    }
}
