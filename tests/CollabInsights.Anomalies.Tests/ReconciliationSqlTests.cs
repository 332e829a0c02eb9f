using System.Text.RegularExpressions;
using CollabInsights.Reconciliation;
using CollabInsights.Tests.Shared;

namespace CollabInsights.Anomalies.Tests;

/// <summary>The reconciliation SQL the README shows is the SQL the DuckDB engine runs, and it runs elsewhere too.</summary>
public partial class ReconciliationSqlTests
{
    private static string ScriptFile => Path.Combine(RepoPaths.Root, "src", "CollabInsights", "Reconciliation", "reconciliation.sql");

    /// <summary>Functions, operators and clauses DuckDB has and Spark SQL or Trino do not (or spell otherwise).</summary>
    private static readonly string[] DuckDbOnly =
    [
        @"\blist_\w+\s*\(", @"\blist_value\s*\(", @"\barray_agg\s*\(", @"\bstring_agg\s*\(", @"\bstruct_pack\s*\(", @"\bunnest\s*\(",
        @"\bread_parquet\s*\(", @"\bread_csv\w*\s*\(", @"\bparquet_scan\s*\(", @"\bhash\s*\(", @"\bmd5_number\s*\(", @"\brange\s*\(", @"\bgenerate_series\s*\(",
        @"\bstrftime\s*\(", @"\bstrptime\s*\(", @"\bepoch(_ms|_us|_ns)?\s*\(", @"\bdate_diff\s*\(", @"\barg_(min|max)\s*\(", @"\bany_value\s*\(",
        @"\bfirst\s*\(", @"\blast\s*\(", @"\bregexp_full_match\s*\(", @"\bjson_\w+\s*\(", @"\bcolumns\s*\(", @"\bhuge?int\b", @"\bubigint\b",
        @"\bqualify\b", @"\banti\s+join\b", @"\bsemi\s+join\b", @"\bexclude\s*\(", @"\busing\s+sample\b", @"\bpivot\b", @"\basof\b", @"::", @"//", @"\bilike\b",
    ];

    [Fact]
    public void The_committed_reconciliation_sql_is_the_sql_the_engine_runs()
    {
        if (Environment.GetEnvironmentVariable("COLLAB_WRITE_SQL") == "1")
        {
            File.WriteAllText(ScriptFile, DuckDbReconciler.Script); // run once with COLLAB_WRITE_SQL=1 after changing the SQL
        }

        Assert.True(File.Exists(ScriptFile), $"{ScriptFile} is missing: run this test once with COLLAB_WRITE_SQL=1 to write DuckDbReconciler.Script to it.");
        Assert.True(DuckDbReconciler.Script == File.ReadAllText(ScriptFile).ReplaceLineEndings("\n"), $"{ScriptFile} differs from the SQL the engine runs: run this test once with COLLAB_WRITE_SQL=1 and commit the file.");
    }

    [Fact]
    public void The_reconciliation_sql_uses_no_function_or_clause_only_DuckDB_has()
    {
        var sql = DuckDbReconciler.Script;
        var code = string.Join("\n", sql.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
        var found = DuckDbOnly.Where(p => Regex.IsMatch(code, p, RegexOptions.IgnoreCase)).ToList();
        Assert.True(found.Count == 0, "DuckDB-only SQL in the reconciliation: " + string.Join(", ", found));

        // The list can fail: a DuckDB spelling is caught.
        Assert.Contains(DuckDbOnly, p => Regex.IsMatch("SELECT a FROM x ANTI JOIN y ON x.i = y.i", p, RegexOptions.IgnoreCase));
        Assert.Contains(DuckDbOnly, p => Regex.IsMatch("SELECT list_sort(l) FROM x", p, RegexOptions.IgnoreCase));

        // Every statement is standard SQL of the kinds Spark SQL and Trino run: CREATE TEMP TABLE ... AS SELECT / WITH, and SELECT.
        Assert.All(sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries).Select(s => string.Join("\n", s.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal))).Trim()).Where(s => s.Length > 0),
            s => Assert.Matches(@"^(CREATE TEMP TABLE \w+ AS (SELECT|WITH) |SELECT )", s));
    }
}
