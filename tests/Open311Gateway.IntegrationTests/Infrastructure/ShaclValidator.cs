using System.Diagnostics;
using System.Text.Json;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// Runs deploy/opendata/validate/run.sh, the offline SHACL validation with GovData's DCAT-AP.de shapes (ADR 24), on
/// documents written to a temporary directory, and returns its verdict per document in the order given.
/// </summary>
public static class ShaclValidator
{
    public sealed record Result(string Severity, string? Focus, string? Path, string Message);

    public sealed record Verdict(string Name, bool Conforms, int Triples, string? Error, IReadOnlyList<Result> Results);

    /// <param name="documents">File name (its extension says the syntax: .ttl, .jsonld) and content.</param>
    public static async Task<IReadOnlyList<Verdict>> ValidateAsync(params (string Name, string Content)[] documents)
    {
        var directory = Directory.CreateTempSubdirectory("open311-shacl-");
        try
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
            start.ArgumentList.Add(RepositoryRoot.Combine("deploy", "opendata", "validate", "run.sh"));
            foreach (var (name, content) in documents)
            {
                var path = System.IO.Path.Combine(directory.FullName, name);
                await File.WriteAllTextAsync(path, content);
                start.ArgumentList.Add(path);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            // npm ci on a fresh clone takes about 10 s; a validation run about 1 s.
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            // 0: all conform, 1: one does not. Anything else (2: unreadable, 127: no node) is a broken harness, not a verdict.
            Assert.True(process.ExitCode is 0 or 1 && lines.Length == documents.Length,
                $"run.sh exited {process.ExitCode}:\n{await output}\n{await errors}");
            return lines.Select((line, index) => Read(documents[index].Name, line)).ToList();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Verdict Read(string name, string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var results = root.GetProperty("results").EnumerateArray().Select(r => new Result(
            r.GetProperty("severity").GetString() ?? "", r.GetProperty("focus").GetString(), r.GetProperty("path").GetString(),
            r.GetProperty("message").GetString() ?? "")).ToList();
        return new Verdict(name, root.GetProperty("conforms").GetBoolean(), root.TryGetProperty("triples", out var triples) ? triples.GetInt32() : 0,
            root.TryGetProperty("error", out var error) ? error.GetString() : null, results);
    }
}
