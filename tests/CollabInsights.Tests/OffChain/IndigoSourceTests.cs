using CollabInsights.Domain;
using CollabInsights.OffChain;
using static CollabInsights.OffChain.IndigoLayout;

namespace CollabInsights.Tests.OffChain;

public class IndigoSourceTests
{
    private static async Task<LoadResult<CollabDataset>> LoadAsync(MiniExport export, bool bom = false, string newline = "\n") =>
        await IndigoSource.LoadAsync(export.Write(bom, newline), cancellationToken: TestContext.Current.CancellationToken);

    private static DataProblem Single(LoadResult<CollabDataset> result, string file, string column) =>
        Assert.Single(result.Problems, p => p.File == file && p.Column == column);

    [Fact]
    public async Task Month_13_is_invalid_with_its_location_and_the_row_still_loads()
    {
        var export = MiniExport.Basic()
            .Add(Results, (ResultColumns.ProjectId, "POJ-1"), (ResultColumns.PeriodStart, "2018-01"), (ResultColumns.OutcomesAchieved, "5"))
            .Add(Results, (ResultColumns.ProjectId, "POJ-1"), (ResultColumns.PeriodStart, "2018-13"), (ResultColumns.OutcomesAchieved, "7"));

        var result = await LoadAsync(export);

        var problem = Single(result, Results, ResultColumns.PeriodStart);
        Assert.Equal(ProblemSeverity.Invalid, problem.Severity);
        Assert.Equal(2, problem.Row);
        Assert.Equal("2018-13", problem.Value);
        Assert.Contains("month 13", problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Value.Results.Count);
        Assert.Null(result.Value.Results[1].PeriodStart);
        Assert.Equal(7m, result.Value.Results[1].OutcomesAchieved);
        Assert.Equal(PartialDate.OfMonth(2018, 1), result.Value.Results[0].PeriodStart);
    }

    [Fact]
    public async Task Non_numeric_amount_is_invalid_and_the_payment_loads_without_amount()
    {
        var export = MiniExport.Basic()
            .Payment((PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "about 5000"))
            .Payment((PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "1250.50"));

        var result = await LoadAsync(export);

        var problem = Single(result, Payments, PaymentColumns.Amount);
        Assert.Equal((1, "about 5000", ProblemSeverity.Invalid), (problem.Row, problem.Value, problem.Severity));
        Assert.Equal(2, result.Value.Payments.Count);
        Assert.Null(result.Value.Payments[0].Amount);
        Assert.Equal(new Money(1250.50m, "GBP"), result.Value.Payments[1].Amount);
    }

    [Fact]
    public async Task Unknown_currency_code_is_invalid_and_the_amount_is_not_loaded()
    {
        var export = MiniExport.Basic().Payment((PaymentColumns.Currency, "XYZ"), (PaymentColumns.Amount, "100"));

        var result = await LoadAsync(export);

        var problem = Single(result, Payments, PaymentColumns.Currency);
        Assert.Equal(("XYZ", ProblemSeverity.Invalid), (problem.Value, problem.Severity));
        Assert.Contains("unknown currency code", problem.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(result.Value.Payments).Amount);
        Assert.DoesNotContain(result.Problems, p => p.Column == PaymentColumns.Amount);
    }

    [Fact]
    public async Task Currency_name_designating_one_currency_is_read_as_its_code_with_a_warning()
    {
        var export = MiniExport.Basic().Payment((PaymentColumns.Currency, "Japanese Yen"), (PaymentColumns.Amount, "100"));

        var result = await LoadAsync(export);

        Assert.Equal(ProblemSeverity.Warning, Single(result, Payments, PaymentColumns.Currency).Severity);
        Assert.Equal(new Money(100m, "JPY"), Assert.Single(result.Value.Payments).Amount);
    }

    [Fact]
    public async Task Missing_project_id_skips_the_row_and_says_so()
    {
        var export = MiniExport.Basic()
            .Add(Payments, (PaymentColumns.ProjectId, ""), (PaymentColumns.Type, "Actual"), (PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "10"))
            .Payment((PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "20"));

        var result = await LoadAsync(export);

        var problem = Single(result, Payments, PaymentColumns.ProjectId);
        Assert.Equal((1, "", ProblemSeverity.Invalid), (problem.Row, problem.Value, problem.Severity));
        Assert.Contains("missing project id", problem.Message, StringComparison.Ordinal);
        var loaded = Assert.Single(result.Value.Payments);
        Assert.Equal(new FileProvenance(Payments, 2), loaded.Provenance);
    }

    [Fact]
    public async Task Duplicate_project_id_keeps_the_first_row_and_reports_the_second()
    {
        var export = MiniExport.Basic().Add(Projects, (ProjectColumns.Id, "POJ-1"), (ProjectColumns.Name, "Again"));

        var result = await LoadAsync(export);

        var problem = Single(result, Projects, ProjectColumns.Id);
        Assert.Equal((2, "POJ-1", ProblemSeverity.Invalid), (problem.Row, problem.Value, problem.Severity));
        Assert.Contains("duplicate", problem.Message, StringComparison.Ordinal);
        Assert.Equal("Project one", Assert.Single(result.Value.Projects).Name);
    }

    [Fact]
    public async Task Reference_to_unknown_organisation_is_invalid_and_the_field_is_empty()
    {
        var export = MiniExport.Basic()
            .Payment((PaymentColumns.PayerId, "ORG-404"), (PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "10"))
            .Payment((PaymentColumns.PayerId, "ORG-1"), (PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "10"));

        var result = await LoadAsync(export);

        var problem = Single(result, Payments, PaymentColumns.PayerId);
        Assert.Equal((1, "ORG-404", ProblemSeverity.Invalid), (problem.Row, problem.Value, problem.Severity));
        Assert.Contains("ORG-404", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.Value.Payments[0].PayerId);
        Assert.Equal("ORG-1", result.Value.Payments[1].PayerId);
    }

    [Fact]
    public async Task Dollar_amount_with_separators_is_normalised_with_a_warning_when_the_row_is_in_usd()
    {
        var export = MiniExport.Basic().Add(Commitments,
            (CommitmentColumns.ProjectId, "POJ-1"), (CommitmentColumns.OrganisationId, "ORG-1"),
            (CommitmentColumns.MaxCurrency, "USD"), (CommitmentColumns.MaxAmount, "$10,000,000"));

        var result = await LoadAsync(export);

        var problem = Single(result, Commitments, CommitmentColumns.MaxAmount);
        Assert.Equal((1, "$10,000,000", ProblemSeverity.Warning), (problem.Row, problem.Value, problem.Severity));
        Assert.Contains("10000000 USD", problem.Message, StringComparison.Ordinal);
        Assert.Equal(new Money(10_000_000m, "USD"), Assert.Single(result.Value.Commitments).MaxPotentialPayment);
    }

    [Theory]
    [InlineData("CHF", "CHF 290.000", "ambiguous")]
    [InlineData("EUR", "€1,500", "ambiguous")]
    [InlineData("CAD", "C$1.3M (estimate)", "not an amount")]
    [InlineData("", "$5,000,000", "several currencies")]
    [InlineData("GBP", "$5,000,000", "does not match")]
    public async Task Ambiguous_or_annotated_amounts_are_invalid(string currency, string amount, string reason)
    {
        var export = MiniExport.Basic().Add(Commitments,
            (CommitmentColumns.ProjectId, "POJ-1"), (CommitmentColumns.MaxCurrency, currency), (CommitmentColumns.MaxAmount, amount));

        var result = await LoadAsync(export);

        var problem = Single(result, Commitments, CommitmentColumns.MaxAmount);
        Assert.Equal((amount, ProblemSeverity.Invalid), (problem.Value, problem.Severity));
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(result.Value.Commitments).MaxPotentialPayment);
    }

    [Theory]
    [InlineData("", "C$300,000", 300000, "CAD")]
    [InlineData("GBP", "£1,250.50", 1250.50, "GBP")]
    [InlineData("USD", "1,000,000", 1000000, "USD")]
    public async Task Unambiguous_formatted_amounts_are_normalised_with_a_warning(string currency, string amount, decimal expected, string expectedCurrency)
    {
        var export = MiniExport.Basic().Add(Commitments,
            (CommitmentColumns.ProjectId, "POJ-1"), (CommitmentColumns.MaxCurrency, currency), (CommitmentColumns.MaxAmount, amount));

        var result = await LoadAsync(export);

        Assert.Equal(ProblemSeverity.Warning, Single(result, Commitments, CommitmentColumns.MaxAmount).Severity);
        Assert.Equal(new Money(expected, expectedCurrency), Assert.Single(result.Value.Commitments).MaxPotentialPayment);
    }

    [Theory]
    [InlineData("=D41-D36")]
    [InlineData("=M33")]
    public async Task Spreadsheet_formula_is_invalid(string formula)
    {
        var export = MiniExport.Basic().Add(Commitments,
            (CommitmentColumns.ProjectId, "POJ-1"), (CommitmentColumns.MaxCurrency, "GBP"), (CommitmentColumns.MaxAmount, formula));

        var result = await LoadAsync(export);

        var problem = Single(result, Commitments, CommitmentColumns.MaxAmount);
        Assert.Equal((formula, ProblemSeverity.Invalid), (problem.Value, problem.Severity));
        Assert.Contains("formula", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Currency_symbol_alone_is_read_as_no_amount_with_a_warning()
    {
        var export = MiniExport.Basic().Add(Commitments,
            (CommitmentColumns.ProjectId, "POJ-1"), (CommitmentColumns.PaidCurrency, ""), (CommitmentColumns.PaidAmount, "£"));

        var result = await LoadAsync(export);

        Assert.Equal(ProblemSeverity.Warning, Single(result, Commitments, CommitmentColumns.PaidAmount).Severity);
        Assert.Null(Assert.Single(result.Value.Commitments).TotalPaymentsMade);
    }

    [Fact]
    public async Task Amount_without_currency_is_invalid()
    {
        var export = MiniExport.Basic().Payment((PaymentColumns.Amount, "500"));

        var result = await LoadAsync(export);

        Assert.Equal(ProblemSeverity.Invalid, Single(result, Payments, PaymentColumns.Amount).Severity);
        Assert.Null(Assert.Single(result.Value.Payments).Amount);
    }

    [Fact]
    public async Task Empty_payment_type_is_a_warning_and_counts_as_neither()
    {
        var export = MiniExport.Basic().Add(Payments, (PaymentColumns.ProjectId, "POJ-1"), (PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "5"));

        var result = await LoadAsync(export);

        Assert.Equal(ProblemSeverity.Warning, Single(result, Payments, PaymentColumns.Type).Severity);
        Assert.Equal(PaymentType.Unspecified, Assert.Single(result.Value.Payments).Type);
    }

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\n")]
    [InlineData(false, "\r\n")]
    [InlineData(true, "\r\n")]
    public async Task Bom_and_line_ends_do_not_change_what_loads(bool bom, string newline)
    {
        var export = MiniExport.Basic()
            .Add(Organisations, (OrganisationColumns.Id, "ORG-2"), (OrganisationColumns.Name, "Multi\nline \"quoted\", name"))
            .Payment((PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "99.5"), (PaymentColumns.PayerId, "ORG-1, ORG-2"));

        var result = await LoadAsync(export, bom, newline);

        Assert.Empty(result.Problems);
        Assert.Equal("ORG-1", result.Value.Organisations[0].Id);
        Assert.Equal("Multi\nline \"quoted\", name", result.Value.Organisations[1].Name);
        var payment = Assert.Single(result.Value.Payments);
        Assert.Equal(new Money(99.5m, "GBP"), payment.Amount);
        Assert.Equal("ORG-1,ORG-2", payment.PayerId);
        Assert.Equal(new FileProvenance(Payments, 1), payment.Provenance);
    }

    [Fact]
    public async Task Missing_file_names_the_file_and_the_expected_files()
    {
        var folder = MiniExport.Basic().Write();
        File.Delete(Path.Combine(folder, Results));

        var ex = await Assert.ThrowsAsync<CollabInsightsException>(() => IndigoSource.LoadAsync(folder, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains($"lacks {Results}", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Payments, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_header_names_the_file_and_the_columns_it_expected()
    {
        var folder = MiniExport.Basic().Write();
        var path = Path.Combine(folder, Payments);
        File.WriteAllText(path, File.ReadAllText(path).Replace(PaymentColumns.Amount, "Payments - Amount (typo)", StringComparison.Ordinal));

        var ex = await Assert.ThrowsAsync<CollabInsightsException>(() => IndigoSource.LoadAsync(folder, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(Payments, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"lacks 1 required column(s): '{PaymentColumns.Amount}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{PaymentColumns.Currency}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_path_says_what_to_pass()
    {
        var ex = await Assert.ThrowsAsync<CollabInsightsException>(() => IndigoSource.LoadAsync("/no/such/indigo", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("/no/such/indigo", ex.Message, StringComparison.Ordinal);
        Assert.Contains("zip", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_are_matched_by_name_in_any_order()
    {
        var folder = MiniExport.Basic().Payment((PaymentColumns.Currency, "GBP"), (PaymentColumns.Amount, "42")).Write();
        File.WriteAllText(Path.Combine(folder, Payments), $"Extra,{PaymentColumns.Amount},{PaymentColumns.Currency},{PaymentColumns.Type},{PaymentColumns.ProjectId},{string.Join(',', RequiredColumns[Payments].Except([PaymentColumns.Amount, PaymentColumns.Currency, PaymentColumns.Type, PaymentColumns.ProjectId]))}\nx,42,GBP,Actual,POJ-1\n");

        var result = await IndigoSource.LoadAsync(folder, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new Money(42m, "GBP"), Assert.Single(result.Value.Payments).Amount);
    }

    [Fact]
    public async Task Progress_reports_each_loaded_file_in_order()
    {
        var folder = MiniExport.Basic().Write();
        var reports = new List<IndigoLoadProgress>();

        await IndigoSource.LoadAsync(folder, null, new SynchronousProgress<IndigoLoadProgress>(reports.Add), TestContext.Current.CancellationToken);

        Assert.Equal(LoadedFiles, reports.Select(r => r.File));
        Assert.Equal(Enumerable.Range(1, LoadedFiles.Count), reports.Select(r => r.FilesDone));
        Assert.All(reports, r => Assert.Equal(LoadedFiles.Count, r.FilesTotal));
    }

    [Fact]
    public async Task Reference_checks_can_be_turned_off()
    {
        var folder = MiniExport.Basic()
            .Add(Payments, (PaymentColumns.ProjectId, "POJ-9"), (PaymentColumns.Type, "Planned"), (PaymentColumns.PayerId, "ORG-9"))
            .Write();

        var result = await IndigoSource.LoadAsync(folder, new IndigoLoadOptions { CheckReferences = false }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(result.Problems);
        var payment = Assert.Single(result.Value.Payments);
        Assert.Equal(("POJ-9", "ORG-9"), (payment.ProjectId, payment.PayerId));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
