using System.Globalization;
using System.Net;
using Newtonsoft.Json;
using Npgsql;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.OpenData.Exports;

/// <summary>
/// Exports are streamed: the API, as a process of its own whose managed heap is capped far below one export's size
/// (<c>DOTNET_GCHeapHardLimit</c>), exports 100,000 reports whole, in both formats, plain and gzip-compressed. A
/// buffered export (the file in memory, or every row materialised first) runs out of memory here.
/// </summary>
public sealed class ExportMemoryTests(ExportMemoryTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<ExportMemoryTests.Fixture>
{
    public const int Reports = 130_000;

    /// <summary>
    /// 48 MiB of managed heap for the whole process (it needs about 25 to start and serve; at 32 MiB it once ran out of
    /// memory while the whole suite ran): the GeoJSON export of these reports alone is larger, and the CSV export as
    /// text (UTF-16, as a string or StringBuilder would hold it) too.
    /// </summary>
    public const long HeapLimitBytes = 48L * 1024 * 1024;

    [Theory]
    [InlineData("requests.geojson", false)]
    [InlineData("requests.csv", false)]
    [InlineData("requests.geojson", true)]
    public async Task A_hundred_thousand_reports_are_exported_whole_under_a_heap_smaller_than_the_file(string file, bool gzip)
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = gzip ? DecompressionMethods.GZip : DecompressionMethods.None })
        {
            Timeout = TimeSpan.FromMinutes(3),
        };
        var started = DateTime.UtcNow;
        long rows;
        CountingStream body;
        try
        {
            using var response = await http.GetAsync($"{fixture.Api.BaseUrl}/opendata/{TestCatalog.Jurisdiction}/{file}", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            body = new CountingStream(await response.Content.ReadAsStreamAsync());
            rows = file.EndsWith(".csv", StringComparison.Ordinal) ? await CsvRecordsAsync(body) - 1 : FeatureCount(body);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // What the API said (an OutOfMemoryException, a lost database connection) is the part worth reading.
            throw new InvalidOperationException($"The export broke off (API exited: {fixture.Api.HasExited}).\n{fixture.Api.Output}", e);
        }
        var elapsed = DateTime.UtcNow - started;

        Assert.Equal(Reports, rows);
        Assert.True(body.Bytes * 2 > HeapLimitBytes, $"The file ({body.Bytes} bytes) must be larger as text than the heap for this test to mean anything.");
        Assert.False(fixture.Api.HasExited, fixture.Api.Output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{file}{(gzip ? " (gzip)" : "")}: {rows} reports, {body.Bytes / 1e6:F1} MB, {elapsed.TotalSeconds:F1} s; API peak RSS {PeakRssMegabytes(fixture.Api.ProcessId):F0} MB"));
    }

    private static async Task<long> CsvRecordsAsync(Stream body)
    {
        // The seed's descriptions and addresses hold no line breaks, so one CRLF ends one record.
        using var reader = new StreamReader(body);
        var records = 0L;
        while (await reader.ReadLineAsync() is not null) records++;
        return records;
    }

    private static long FeatureCount(Stream body)
    {
        using var json = new JsonTextReader(new StreamReader(body)) { DateParseHandling = DateParseHandling.None };
        var features = 0L;
        // Objects directly inside "features" (root object → features array → feature).
        while (json.Read())
            if (json.TokenType == JsonToken.StartObject && json.Depth == 2 && json.Path.StartsWith("features[", StringComparison.Ordinal)) features++;
        return features;
    }

    private static double PeakRssMegabytes(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).Single();

    /// <summary>Counts the bytes read (the decompressed ones when the client decompresses).</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Bytes { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Bytes; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            Bytes += read;
            return read;
        }
    }

    /// <summary>100,000 public reports seeded by the benchmark's script (one INSERT … SELECT generate_series), and the API as its own process.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly TestDatabase _database = new();
        private readonly BrokerVirtualHost _broker = new();

        public ApiProcess Api { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Task.WhenAll(_database.InitializeAsync(), _broker.InitializeAsync());
            await using (var db = _database.CreateDbContext())
            {
                await TestCatalog.SeedAsync(db);
                await TestApiKeys.CreateAsync(db, "Export test client");
            }
            var script = await File.ReadAllTextAsync(RepositoryRoot.Combine("deploy", "bench", "seed-requests.sql"));
            await using (var connection = new NpgsqlConnection(_database.ConnectionString))
            {
                await connection.OpenAsync();
                await using var seed = new NpgsqlCommand($"SET bench.rows = '{Reports}'; {script}", connection) { CommandTimeout = 600 };
                await seed.ExecuteNonQueryAsync();
            }
            Api = new ApiProcess(_database.ConnectionString, new BrokerAddress(_broker.Host, _broker.Port, _broker.Name),
                new Dictionary<string, string>
                {
                    ["DOTNET_GCHeapHardLimit"] = "0x" + HeapLimitBytes.ToString("x", CultureInfo.InvariantCulture),
                    ["Delivery__RunDispatcher"] = "false",
                    ["Privacy__RunRetention"] = "false",
                });
            await Api.StartAsync();
        }

        public async Task DisposeAsync()
        {
            await Api.DisposeAsync();
            await _broker.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
