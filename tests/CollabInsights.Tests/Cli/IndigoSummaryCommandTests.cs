using System.Text.Json;
using CollabInsights.Cli;
using CollabInsights.Tests.OffChain;
using static CollabInsights.OffChain.IndigoLayout;

namespace CollabInsights.Tests.Cli;

public class IndigoSummaryCommandTests
{
    private static MiniExport HandMade() => MiniExport.Basic()
        .Add(Projects, (ProjectColumns.Id, "POJ-2"), (ProjectColumns.Name, "Project two"))
        .Add(Projects, (ProjectColumns.Id, "POJ-3"), (ProjectColumns.Name, "Project three"))
        .Payment((PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "100.25"))
        .Payment((PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "not paid yet"))
        .Add(Payments, (PaymentColumns.ProjectId, "POJ-2"), (PaymentColumns.Type, "Actual"), (PaymentColumns.Currency, "USD"), (PaymentColumns.Amount, "$1,000,000"))
        .Add(Payments, (PaymentColumns.ProjectId, "POJ-2"), (PaymentColumns.Type, "Planned"), (PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "999"))
        .Add(Payments, (PaymentColumns.ProjectId, "POJ-9"), (PaymentColumns.Type, "Actual"), (PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "5"))
        .Add(Payments, (PaymentColumns.ProjectId, "POJ-3"), (PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "7"))
        .Add(Commitments, (CommitmentColumns.ProjectId, "POJ-1"), (CommitmentColumns.MaxAmountUsd, "1500.5"))
        .Add(Commitments, (CommitmentColumns.ProjectId, "POJ-2"), (CommitmentColumns.MaxAmountUsd, "$2,000,000"))
        .Add(Commitments, (CommitmentColumns.ProjectId, "POJ-3"), (CommitmentColumns.MaxAmountUsd, "lots"));

    [Fact]
    public async Task Json_has_exactly_the_documented_keys_and_hand_computed_figures()
    {
        var folder = HandMade().Write();
        var output = new StringWriter();

        var code = await CollabCli.InvokeAsync(["indigo", "summary", "--data", folder, "--json"], output, new StringWriter(), TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
        var root = doc.RootElement;
        Assert.Equal(
            ["projects", "outcome_payment_rows", "actual_payment_rows", "planned_payment_rows", "unspecified_payment_rows", "projects_with_actual_payments", "actual_payments_by_currency", "max_potential_outcome_payment_usd_total", "invalid_values", "warnings"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, root.GetProperty("projects").GetInt32());
        Assert.Equal(5, root.GetProperty("outcome_payment_rows").GetInt32()); // the POJ-9 row is skipped
        Assert.Equal(3, root.GetProperty("actual_payment_rows").GetInt32());
        Assert.Equal(1, root.GetProperty("planned_payment_rows").GetInt32());
        Assert.Equal(1, root.GetProperty("unspecified_payment_rows").GetInt32());
        Assert.Equal(2, root.GetProperty("projects_with_actual_payments").GetInt32());
        var byCurrency = root.GetProperty("actual_payments_by_currency");
        Assert.Equal(JsonValueKind.Number, byCurrency.GetProperty("GBP").ValueKind);
        Assert.Equal(100.25m, byCurrency.GetProperty("GBP").GetDecimal());
        Assert.Equal(1_000_000m, byCurrency.GetProperty("USD").GetDecimal());
        Assert.Equal(2_001_500.5m, root.GetProperty("max_potential_outcome_payment_usd_total").GetDecimal());

        var invalid = root.GetProperty("invalid_values").EnumerateArray().Select(p => (p.GetProperty("file").GetString(), p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("value").GetString())).ToList();
        Assert.Equal(
            [
                (Commitments, 3, CommitmentColumns.MaxAmountUsd, "lots"),
                (Payments, 2, PaymentColumns.Amount, "not paid yet"),
                (Payments, 5, PaymentColumns.ProjectId, "POJ-9"),
            ],
            invalid);
        var warnings = root.GetProperty("warnings").EnumerateArray().Select(p => (p.GetProperty("file").GetString(), p.GetProperty("row").GetInt32(), p.GetProperty("value").GetString())).ToList();
        Assert.Equal([(Commitments, 2, "$2,000,000"), (Payments, 3, "$1,000,000"), (Payments, 6, "")], warnings);
        Assert.All(root.GetProperty("warnings").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task Table_output_shows_the_figures_and_the_problems()
    {
        var folder = HandMade().Write();
        var output = new StringWriter();

        var code = await CollabCli.InvokeAsync(["indigo", "summary", "--data", folder], output, new StringWriter(), TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("Projects with actual payments", text, StringComparison.Ordinal);
        Assert.Contains("Actual payments, GBP", text, StringComparison.Ordinal);
        Assert.Contains("100.25", text, StringComparison.Ordinal);
        Assert.Contains("Invalid values (3)", text, StringComparison.Ordinal);
        Assert.Contains("not paid yet", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problem_list_is_bounded_with_a_count_of_the_rest()
    {
        var export = MiniExport.Basic();
        for (var i = 0; i < 30; i++)
        {
            export.Payment((PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, $"bad {i}"));
        }

        var output = new StringWriter();
        var code = await CollabCli.InvokeAsync(["indigo", "summary", "--data", export.Write()], output, new StringWriter(), TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        Assert.Contains("5 more invalid values", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bad 29", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_path_exits_non_zero_with_a_clear_message()
    {
        var error = new StringWriter();

        var code = await CollabCli.InvokeAsync(["indigo", "summary", "--data", "/no/such/indigo-export", "--json"], new StringWriter(), error, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, code);
        Assert.Contains("INDIGO data not found at '/no/such/indigo-export'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_option_is_required()
    {
        var code = await CollabCli.InvokeAsync(["indigo", "summary"], new StringWriter(), new StringWriter(), TestContext.Current.CancellationToken);

        Assert.NotEqual(0, code);
    }
}
