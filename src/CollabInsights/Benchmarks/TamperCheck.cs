namespace CollabInsights.Benchmarks;

/// <summary>
/// The result of checking a backend's stored records for changes made behind its back.
/// </summary>
/// <param name="Detected">True when a change was found.</param>
/// <param name="RecordsChecked">How many records the check recomputed.</param>
/// <param name="FirstBadRecordId">The first record (in write order) whose evidence no longer matches; null when none or unknown.</param>
/// <param name="Explanation">What was checked and what failed, or why the backend cannot tell.</param>
public sealed record TamperCheck(bool Detected, long RecordsChecked, string? FirstBadRecordId, string Explanation);
