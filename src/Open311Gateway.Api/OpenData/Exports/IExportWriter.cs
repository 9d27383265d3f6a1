using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>Writes one export file report by report, handing bytes to the response as it goes (never the whole file at once).</summary>
public interface IExportWriter
{
    Task WriteAsync(ServiceRequest report, CancellationToken cancellationToken);

    /// <summary>Writes what closes the file and flushes it.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
