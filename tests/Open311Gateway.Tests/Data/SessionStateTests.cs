using System.Text.RegularExpressions;
using Open311Gateway.Tests.Catalog;

namespace Open311Gateway.Tests.Data;

/// <summary>
/// Pooled connections are not reset when they go back to the pool (<c>No Reset On Close</c>, ADR 22), so no code of the
/// gateway may leave session state on one: the next request would inherit it. This reads the sources for the SQL that
/// would (transaction-scoped forms such as <c>SET LOCAL</c> and <c>pg_advisory_xact_lock</c> are fine).
/// </summary>
public sealed partial class SessionStateTests
{
    [Fact]
    public void No_source_sets_session_state_on_a_pooled_connection()
    {
        var src = RepositoryFiles.PathOf("src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Where(l => SessionState().IsMatch(l.Text)
                || (l.Text.Contains("LISTEN ", StringComparison.Ordinal) && !File.ReadAllText(l.File).Contains("Pooling = false", StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_check_finds_what_it_looks_for()
    {
        Assert.Matches(SessionState(), "await db.Database.ExecuteSqlRawAsync(\"SET search_path = x\");");
        Assert.Matches(SessionState(), "SELECT pg_advisory_lock(42)");
        Assert.Matches(SessionState(), "CREATE TEMP TABLE t (id int)");
        Assert.DoesNotMatch(SessionState(), "\"SET LOCAL statement_timeout = 5000\"");
        Assert.DoesNotMatch(SessionState(), "SELECT pg_advisory_xact_lock(42)");
        Assert.DoesNotMatch(SessionState(), "\"SET TRANSACTION READ ONLY\"");
        Assert.DoesNotMatch(SessionState(), "UPDATE outbox_messages SET sent_at = now()");
    }

    // A statement that starts with SET (not SET LOCAL or SET TRANSACTION, which end with the transaction; SQL is written
    // in capitals here, UI texts say "Set"), session-level advisory locks, temporary tables, set_config(…, false).
    [GeneratedRegex(@"(""|\$""|;\s*)SET\s+(?!LOCAL\b|TRANSACTION\b)\w|pg_(try_)?advisory_lock(_shared)?\(|CREATE\s+TEMP(ORARY)?\s+TABLE|set_config\([^)]*false\)")]
    private static partial Regex SessionState();
}
