namespace CollabInsights.Notebooks.Execution;

/// <summary>One variable of a session, as <c>#!whos</c> lists it.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Type">Its declared type, e.g. <c>List&lt;Int32&gt;</c>.</param>
/// <param name="Value">Its value as plain text, cut at 100 characters.</param>
public sealed record VariableInfo(string Name, string Type, string Value);
