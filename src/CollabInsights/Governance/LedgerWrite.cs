namespace CollabInsights.Governance;

/// <summary>One write to a shared record: where it was made (<c>ledger</c> or <c>books</c>), the project, what was written (<c>register</c>, <c>commit</c>, <c>attest</c>, <c>pay</c>, <c>anchor</c>) and by whom.</summary>
public sealed record LedgerWrite(string Source, string Project, string Action, string Writer);
