using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Features.Services;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Caching;

/// <summary>
/// The whole catalogue as of one version of <c>cache_versions</c>: every jurisdiction (inactive ones too, which old
/// reports still name) with its boundary and services, and the public answers rendered from them on first use.
/// Shared by all requests: nothing here may be changed after it is built.
/// </summary>
public sealed class CatalogSnapshot
{
    private readonly IReadOnlyList<Jurisdiction> _all;
    private readonly Dictionary<string, Jurisdiction> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Jurisdiction> _activeByIdIgnoringCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, Service> _servicesById = [];
    private readonly Dictionary<(string Jurisdiction, string Code), Service> _activeServices = [];
    private readonly Dictionary<string, IReadOnlyList<Service>> _activeServicesOf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Jurisdiction, Open311Format Format), byte[]> _serviceLists = new();
    private readonly ConcurrentDictionary<(long Service, Open311Format Format), byte[]> _definitions = new();

    /// <param name="all">Every jurisdiction in the database's id order, with services and boundary loaded.</param>
    public CatalogSnapshot(long version, IReadOnlyList<Jurisdiction> all)
    {
        Version = version;
        _all = all;
        foreach (var jurisdiction in all)
        {
            _byId[jurisdiction.Id] = jurisdiction;
            // Computed now, not lazily by the first of several threads that test a point against it.
            _ = jurisdiction.Boundary?.Area.EnvelopeInternal;
            var services = jurisdiction.Services.OrderBy(s => s.Id).ToList();
            foreach (var service in services)
            {
                service.Jurisdiction = jurisdiction;
                _servicesById[service.Id] = service;
                if (service.IsActive) _activeServices[(jurisdiction.Id, service.Code)] = service;
            }
            _activeServicesOf[jurisdiction.Id] = services.Where(s => s.IsActive).ToList();
            // The first by id wins, as the database's ORDER BY id did, should two ids differ only in case.
            if (jurisdiction.IsActive) _activeByIdIgnoringCase.TryAdd(jurisdiction.Id, jurisdiction);
        }
        Active = all.Where(j => j.IsActive).ToList();
    }

    public long Version { get; }

    /// <summary>The active jurisdictions, by id.</summary>
    public IReadOnlyList<Jurisdiction> Active { get; }

    public Jurisdiction? ActiveJurisdiction(string id) => _activeByIdIgnoringCase.GetValueOrDefault(id);

    public Service? ServiceById(long id) => _servicesById.GetValueOrDefault(id);

    /// <summary>The active service with this code (compared exactly, as the unique index does).</summary>
    public Service? ActiveService(string jurisdictionId, string code) => _activeServices.GetValueOrDefault((jurisdictionId, code));

    public IReadOnlyList<Service> ActiveServicesOf(string jurisdictionId) => _activeServicesOf.GetValueOrDefault(jurisdictionId) ?? [];

    /// <summary>The first active jurisdiction by id whose boundary covers the point (a border point belongs to the first).</summary>
    public Jurisdiction? Covering(Point point) =>
        Active.FirstOrDefault(j => j.Boundary is { } boundary && boundary.Area.Covers(point));

    /// <summary>Whether the jurisdiction has a boundary and the point lies outside it.</summary>
    public bool IsOutside(string jurisdictionId, Point point) =>
        _byId.GetValueOrDefault(jurisdictionId)?.Boundary is { } boundary && !boundary.Area.Covers(point);

    /// <summary>Those of the given jurisdictions that have a boundary, by id.</summary>
    public List<string> WithBoundary(IReadOnlyList<string> jurisdictionIds) =>
        _all.Where(j => j.Boundary is not null && jurisdictionIds.Contains(j.Id)).Select(j => j.Id).ToList();

    /// <summary><c>services</c> of an active jurisdiction, rendered once per format.</summary>
    public byte[] ServiceListAnswer(string jurisdictionId, Open311Format format) =>
        _serviceLists.GetOrAdd((jurisdictionId, format), key => Render(ServiceDocuments.List(ActiveServicesOf(key.Jurisdiction)), key.Format));

    /// <summary>A service's definition, rendered once per format.</summary>
    public byte[] DefinitionAnswer(Service service, Open311Format format) =>
        _definitions.GetOrAdd((service.Id, format), key => Render(ServiceDocuments.Definition(service), key.Format));

    private static byte[] Render(Open311Document document, Open311Format format) => format == Open311Format.Xml
        ? Open311XmlWriter.Write(document)
        : Open311JsonWriter.WriteUtf8(document);
}
