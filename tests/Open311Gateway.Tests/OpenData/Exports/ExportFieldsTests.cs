using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.OpenData.Exports;

namespace Open311Gateway.Tests.OpenData.Exports;

/// <summary>The CSV header is the list of fields the public API renders for a report, in its order, for either kind of jurisdiction.</summary>
public sealed class ExportFieldsTests
{
    private static ServiceRequest Report(bool publicCaseId)
    {
        var jurisdiction = new Jurisdiction { Id = "teststadt.de", Name = "Teststadt", TimeZone = "Europe/Berlin", PublicCaseId = publicCaseId };
        var service = new Service { Id = 1, JurisdictionId = jurisdiction.Id, Code = "SCHLAGLOCH", Name = "Schlagloch", Type = "realtime", Jurisdiction = jurisdiction };
        return new ServiceRequest
        {
            Id = 7, JurisdictionId = jurisdiction.Id, ServiceId = 1, Service = service, Status = "open", ExtendedStatus = "OPEN",
            RequestedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch, Location = new Point(13.405, 52.52) { SRID = 4326 },
            Email = "erika@example.org",
        };
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_report_has_exactly_the_columns_of_its_jurisdictions_header(bool publicCaseId)
    {
        var report = Report(publicCaseId);

        Assert.Equal(ExportFields.Columns(report.Service!.Jurisdiction!), ExportFields.Of(report).Select(f => f.Key));
        Assert.Equal(publicCaseId, ExportFields.Columns(report.Service.Jurisdiction!).Contains("external_case_id"));
    }

    [Fact]
    public void No_personal_field_is_among_them()
    {
        var fields = ExportFields.Of(Report(publicCaseId: true));

        Assert.DoesNotContain(fields, f => f.Key is "email" or "phone" or "first_name" or "last_name" or "device_id" or "account_id");
        Assert.DoesNotContain(fields, f => f.Value as string == "erika@example.org");
    }
}
