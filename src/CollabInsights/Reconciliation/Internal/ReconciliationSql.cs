using System.Text;

namespace CollabInsights.Reconciliation.Internal;

/// <summary>
/// The reconciliation as SQL statements over two tables (or views) of match rows, <c>off_rows</c> (the books) and <c>on_rows</c> (the chain),
/// in the layout of <see cref="MatchRows"/>. It reproduces <see cref="Matcher"/> exactly: four passes on the records still unmatched,
/// duplicates paired in source order (<c>ROW_NUMBER() ... ORDER BY idx</c> on both sides), and a counterparty the books do not hold
/// (an empty key) never compared, in the in-memory engine's order of probes: the exact key, then the books' rows with no recipient,
/// then with no payer, then with neither. Each probe level is one stage; a stage's competitors are the chain records still unmatched
/// that reach it, ranked by source order, so the k-th of them takes the k-th book record of the same key, as the greedy loop does.
/// Only standard SQL is used (window functions, <c>NOT EXISTS</c>, <c>UNION ALL</c>, <c>COALESCE</c>), so the same statements run on
/// Spark SQL and Trino over the same Parquet; <c>CREATE TEMP TABLE</c> is the one DuckDB spelling (Spark: <c>CACHE TABLE x AS</c>).
/// </summary>
internal static class ReconciliationSql
{
    private const string Keys = "record_type, k_project, k_metric";

    /// <summary>The match-row columns the passes read.</summary>
    public const string MatchColumns = "idx, record_type, k_project, k_metric, p_start, p_end, k_payer, k_recipient, amount, currency";

    private static readonly (ReconciliationClass Class, string Key, bool Parties)[] Passes =
    [
        (ReconciliationClass.Matched, $"{Keys}, p_start, p_end, amount, currency", true),
        (ReconciliationClass.AmountMismatch, $"{Keys}, p_start, p_end, currency", true),
        (ReconciliationClass.PeriodMismatch, $"{Keys}, amount, currency", true),
        (ReconciliationClass.CounterpartyMismatch, $"{Keys}, p_start, p_end, amount, currency", false),
    ];

    /// <summary>The statements, each with a short name for progress, in order. They create the tables <c>m1</c>..<c>m4</c> (pairs per pass) and <c>off_left4</c>/<c>on_left4</c> (left alone).</summary>
    public static IReadOnlyList<(string Name, string Sql)> Statements()
    {
        var list = new List<(string, string)>();
        var offLeft = "off_rows";
        var onLeft = "on_rows";
        for (var p = 1; p <= Passes.Length; p++)
        {
            var (cls, key, parties) = Passes[p - 1];
            var name = ReconciliationResult.NameOf(cls);
            if (parties)
            {
                // A: the books' rows that name both counterparties (or results, whose validator is the only one), probed by the exact key.
                // The books' rows of B, C and D are disjoint from A's; the chain's rows move on to the next stage while unmatched.
                list.Add(($"pass {p} {name}: exact key", Stage($"m{p}a", key, "k_payer, k_recipient", offLeft, onLeft,
                    "(o.record_type = 'result' OR o.k_payer <> '') AND o.k_recipient <> ''",
                    "(o.record_type = 'result' OR o.k_payer <> '') AND o.k_recipient <> ''")));
                list.Add(($"pass {p} {name}: chain after the exact key", Left($"on{p}a", onLeft, $"m{p}a", "on_idx")));

                // B: the books' rows with no recipient; reached by the chain's rows with that payer (exactly, or after A failed).
                list.Add(($"pass {p} {name}: no recipient in the books", Stage($"m{p}b", key, "k_payer", offLeft, $"on{p}a",
                    "(o.record_type = 'result' OR o.k_payer <> '') AND o.k_recipient = ''",
                    "(o.record_type = 'result' OR o.k_payer <> '')")));
                list.Add(($"pass {p} {name}: chain after no recipient", Left($"on{p}b", $"on{p}a", $"m{p}b", "on_idx")));

                // C: the books' payments with no payer; reached by the chain's payments with that recipient.
                list.Add(($"pass {p} {name}: no payer in the books", Stage($"m{p}c", key, "k_recipient", offLeft, $"on{p}b",
                    "o.record_type = 'payment' AND o.k_payer = '' AND o.k_recipient <> ''",
                    "o.record_type = 'payment' AND o.k_recipient <> ''")));
                list.Add(($"pass {p} {name}: chain after no payer", Left($"on{p}c", $"on{p}b", $"m{p}c", "on_idx")));

                // D: the books' payments with neither; reached by every chain payment still unmatched.
                list.Add(($"pass {p} {name}: no counterparty in the books", Stage($"m{p}d", key, null, offLeft, $"on{p}c",
                    "o.record_type = 'payment' AND o.k_payer = '' AND o.k_recipient = ''",
                    "o.record_type = 'payment'")));
                list.Add(($"pass {p} {name}: pairs", $"CREATE TEMP TABLE m{p} AS SELECT off_idx, on_idx FROM m{p}a UNION ALL SELECT off_idx, on_idx FROM m{p}b UNION ALL SELECT off_idx, on_idx FROM m{p}c UNION ALL SELECT off_idx, on_idx FROM m{p}d"));
                list.Add(($"pass {p} {name}: chain left", Left($"on_left{p}", $"on{p}c", $"m{p}d", "on_idx")));
            }
            else
            {
                list.Add(($"pass {p} {name}: pairs", Stage($"m{p}", key, null, offLeft, onLeft, "1 = 1", "1 = 1")));
                list.Add(($"pass {p} {name}: chain left", Left($"on_left{p}", onLeft, $"m{p}", "on_idx")));
            }

            list.Add(($"pass {p} {name}: books left", Left($"off_left{p}", offLeft, $"m{p}", "off_idx")));
            offLeft = $"off_left{p}";
            onLeft = $"on_left{p}";
        }

        return list;
    }

    /// <summary>The rows of <paramref name="from"/> whose index is not in the pairs <paramref name="pairs"/> (column <paramref name="column"/>).</summary>
    private static string Left(string table, string from, string pairs, string column) =>
        $"CREATE TEMP TABLE {table} AS SELECT {MatchColumns} FROM {from} x WHERE NOT EXISTS (SELECT 1 FROM {pairs} m WHERE m.{column} = x.idx)";

    /// <summary>The count of each class, one row per class: <c>cls</c> (the <see cref="ReconciliationClass"/> number), <c>n</c>.</summary>
    public static string Counts() =>
        "SELECT 0 AS cls, COUNT(*) AS n FROM m1 UNION ALL SELECT 1, COUNT(*) FROM m2 UNION ALL SELECT 2, COUNT(*) FROM m3 UNION ALL SELECT 3, COUNT(*) FROM m4 "
        + "UNION ALL SELECT 4, COUNT(*) FROM on_left4 UNION ALL SELECT 5, COUNT(*) FROM off_left4";

    /// <summary>Every pair (matched ones only when <paramref name="withMatched"/>) with both sides' match rows: <c>cls</c>, then <c>a_*</c> (books) and <c>b_*</c> (chain) columns of <paramref name="columns"/>.</summary>
    public static string Entries(bool withMatched, IReadOnlyList<string> columns)
    {
        var pairs = new StringBuilder();
        pairs.Append(withMatched ? "SELECT 0 AS cls, off_idx, on_idx FROM m1 UNION ALL " : string.Empty)
            .Append("SELECT 1 AS cls, off_idx, on_idx FROM m2 UNION ALL SELECT 2, off_idx, on_idx FROM m3 UNION ALL SELECT 3, off_idx, on_idx FROM m4 ")
            .Append("UNION ALL SELECT 4, CAST(NULL AS BIGINT), idx FROM on_left4 UNION ALL SELECT 5, idx, CAST(NULL AS BIGINT) FROM off_left4");
        var select = string.Join(", ", columns.Select(c => $"a.{c} AS a_{c}").Concat(columns.Select(c => $"b.{c} AS b_{c}")));
        return $"SELECT p.cls, {select} FROM ({pairs}) p LEFT JOIN off_rows a ON a.idx = p.off_idx LEFT JOIN on_rows b ON b.idx = p.on_idx";
    }

    /// <summary>
    /// One stage: the books' rows of <paramref name="offLeft"/> that pass <paramref name="offWhere"/> and the chain's rows of <paramref name="onLeft"/>
    /// that pass <paramref name="onWhere"/>, each numbered in source order within the key (<paramref name="key"/> plus <paramref name="parties"/>);
    /// equal numbers of equal keys pair. Keys held once on each side (nearly all) pair by a join of the per-key counts; only the rows of keys
    /// held more than once on either side are numbered with <c>ROW_NUMBER()</c>, which saves sorting every row.
    /// </summary>
    private static string Stage(string table, string key, string? parties, string offLeft, string onLeft, string offWhere, string onWhere)
    {
        var partition = parties is null ? key : $"{key}, {parties}";
        var columns = partition.Split(", ");
        string On(string a, string b) => string.Join(" AND ", columns.Select(c => $"{a}.{c} = {b}.{c}"));
        string Cols(string a) => string.Join(", ", columns.Select(c => $"{a}.{c}"));
        return $"CREATE TEMP TABLE {table} AS "
            + $"WITH bo AS (SELECT o.idx, {Cols("o")} FROM {offLeft} o WHERE {offWhere}), "
            + $"ch AS (SELECT o.idx, {Cols("o")} FROM {onLeft} o WHERE {onWhere}), "
            + $"gbo AS (SELECT {Cols("o")}, COUNT(*) AS c, MIN(o.idx) AS i FROM bo o GROUP BY {Cols("o")}), "
            + $"gch AS (SELECT {Cols("o")}, COUNT(*) AS c, MIN(o.idx) AS i FROM ch o GROUP BY {Cols("o")}), "
            + $"g AS (SELECT {Cols("o")}, o.c AS oc, n.c AS nc, o.i AS oi, n.i AS ni FROM gbo o JOIN gch n ON {On("o", "n")}), "
            + $"dup AS (SELECT {Cols("g")} FROM g WHERE g.oc > 1 OR g.nc > 1), "
            + $"dbo AS (SELECT o.idx, {Cols("o")}, ROW_NUMBER() OVER (PARTITION BY {Cols("o")} ORDER BY o.idx) AS rn FROM bo o JOIN dup d ON {On("o", "d")}), "
            + $"dch AS (SELECT o.idx, {Cols("o")}, ROW_NUMBER() OVER (PARTITION BY {Cols("o")} ORDER BY o.idx) AS rn FROM ch o JOIN dup d ON {On("o", "d")}) "
            + "SELECT g.oi AS off_idx, g.ni AS on_idx FROM g WHERE g.oc = 1 AND g.nc = 1 "
            + $"UNION ALL SELECT o.idx, n.idx FROM dbo o JOIN dch n ON {On("o", "n")} AND o.rn = n.rn";
    }
}
