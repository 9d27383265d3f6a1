using System.Globalization;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd.Redmine;

/// <summary>
/// The real Redmine that <c>deploy/local/redmine.sh start</c> runs (Debian's package, SQLite, thin), as its <c>env</c>
/// command describes it: <c>OPEN311_REDMINE_*</c> variables (deploy/local/test.sh sets them), or else the facts file
/// the script writes under the default state directory. Missing both is a failure that says what to run, never a skip.
/// </summary>
public sealed record RedmineInstance(
    string Url,
    string AdminApiKey,
    int TrackerId,
    int OurIdField,
    int LatitudeField,
    int LongitudeField,
    IReadOnlyList<(int Id, string Name)> Statuses)
{
    private static readonly Lazy<RedmineInstance> Current = new(Read);

    public static RedmineInstance Get() => Current.Value;

    private static RedmineInstance Read()
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        var file = RepositoryRoot.Combine(".local", "redmine", "env");
        if (File.Exists(file))
            foreach (var line in File.ReadAllLines(file))
                if (line.IndexOf('=') is > 0 and var eq) facts[line[..eq]] = line[(eq + 1)..];
        string Fact(string name) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
            : facts.TryGetValue(name, out var stored) && stored.Length > 0 ? stored
            : throw new InvalidOperationException(
                $"The Redmine tests need the real Redmine and {name} is not set. Run `deploy/local/redmine.sh start` " +
                "(as root; it installs Debian's redmine, redmine-sqlite and thin when missing) and `eval \"$(deploy/local/redmine.sh env)\"`, " +
                "or run the tests through deploy/local/test.sh, which does both.");
        int Number(string name) => int.Parse(Fact(name), NumberStyles.None, CultureInfo.InvariantCulture);

        var statuses = Fact("OPEN311_REDMINE_STATUSES").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (int.Parse(pair[0], CultureInfo.InvariantCulture), pair[1]))
            .ToList();
        return new RedmineInstance(
            Fact("OPEN311_REDMINE_URL").TrimEnd('/'), Fact("OPEN311_REDMINE_API_KEY"), Number("OPEN311_REDMINE_TRACKER_ID"),
            Number("OPEN311_REDMINE_OUR_ID_FIELD"), Number("OPEN311_REDMINE_LATITUDE_FIELD"), Number("OPEN311_REDMINE_LONGITUDE_FIELD"),
            statuses);
    }

    public int Port => new Uri(Url).Port;

    /// <summary>A status of the default data by its place (0 New, 1 In Progress, 2 Resolved, 3 Feedback, 4 Closed, 5 Rejected), in whatever language it was loaded.</summary>
    public (int Id, string Name) Status(int position) => Statuses[position];
}
