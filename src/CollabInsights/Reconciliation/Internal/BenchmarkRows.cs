using System.Globalization;

namespace CollabInsights.Reconciliation.Internal;

/// <summary>
/// The data of <see cref="ReconciliationBenchmark.Generate"/> written as match rows by DuckDB itself (<c>range(n)</c>), so that sides far
/// larger than memory can be benchmarked: the same projects, metrics, periods, counterparties, amounts, planted differences, texts and
/// provenance as the objects, row for row (a test checks that both reconcile to identical entries).
/// </summary>
internal static class BenchmarkRows
{
    /// <summary>A <c>SELECT</c> of the books' (<paramref name="chain"/> false) or the chain's match rows for <paramref name="n"/> records.</summary>
    public static string Select(long n, bool chain)
    {
        var count = n.ToString(CultureInfo.InvariantCulture);
        const string Base = """
            SELECT i, i // 400 AS p, (i // 100) % 4 AS m, i % 100 AS q, CAST(1000 AS DECIMAL(18, 2)) + CAST((i % 997) * 13.37 AS DECIMAL(18, 2)) AS amt
            """;
        var kind = chain ? "i % 100" : "-1";
        return $"""
            SELECT i AS idx, 'payment' AS record_type, project, metric, upper(project) AS k_project, upper(metric) AS k_metric,
                p_start, p_end, payer AS k_payer, recipient AS k_recipient, CAST(round(amt * 100) AS BIGINT) AS amount, 'USD' AS currency,
                CAST(amt AS VARCHAR) || ' USD' AS value_text, ps || '..' || pe AS period_text, 'payer ' || payer || ', recipient ' || recipient AS parties_text,
                {(chain ? "CAST(NULL AS VARCHAR)" : "'bench_offchain.csv'")} AS file, {(chain ? "CAST(NULL AS INTEGER)" : "CAST(i + 1 AS INTEGER)")} AS file_row,
                {(chain ? "CAST(31337 AS BIGINT)" : "CAST(NULL AS BIGINT)")} AS chain_id, {(chain ? "i // 100" : "CAST(NULL AS BIGINT)")} AS block_number,
                {(chain ? "'0x' || lpad('', 62, '0') || 'aa'" : "CAST(NULL AS VARCHAR)")} AS block_hash,
                {(chain ? "'0x' || lpad(lower(hex(i)), 64, '0')" : "CAST(NULL AS VARCHAR)")} AS tx_hash,
                {(chain ? "CAST(i % 100 AS INTEGER)" : "CAST(NULL AS INTEGER)")} AS log_index, CAST(NULL AS BIGINT) AS block_time
            FROM (
                SELECT i, CASE WHEN k = 3 THEN 'BX-' || CAST(i AS VARCHAR) ELSE 'BP-' || lpad(CAST(p AS VARCHAR), 5, '0') END AS project,
                    'outcomemetric' || CAST(m + 1 AS VARCHAR) AS metric,
                    'PAYER-' || lpad(CAST(p % 50 AS VARCHAR), 2, '0') AS payer,
                    CASE WHEN k = 2 THEN 'PROV-OTHER' ELSE 'PROV-' || lpad(CAST(p AS VARCHAR), 5, '0') END AS recipient,
                    CASE WHEN k = 0 THEN amt + 1 ELSE amt END AS amt,
                    CAST(2000 + qq // 4 AS VARCHAR) || '-' || lpad(CAST((qq % 4) * 3 + 1 AS VARCHAR), 2, '0') AS ps,
                    CAST(2000 + qq // 4 AS VARCHAR) || '-' || lpad(CAST((qq % 4) * 3 + 3 AS VARCHAR), 2, '0') AS pe,
                    CAST((2000 + qq // 4) * 10000 + ((qq % 4) * 3 + 1) * 100 + 1 AS INTEGER) AS p_start,
                    CAST((2000 + qq // 4) * 10000 + ((qq % 4) * 3 + 3) * 100 + CASE WHEN qq % 4 IN (0, 3) THEN 31 ELSE 30 END AS INTEGER) AS p_end
                FROM (SELECT *, {kind} AS k, CASE WHEN {kind} = 1 THEN q + 100 ELSE q END AS qq FROM ({Base} FROM range({count}) t(i)))
            )
            """;
    }
}
